package org.handoverbot.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work per chat: in order within one chat, in parallel across chats, on a bounded pool of threads.
 * A lane runs one task, then goes to the back of the pool's queue, so a chat with many messages waiting
 * does not starve the others. At most maxQueued tasks wait at once: submit blocks (long polling slows down)
 * or, with a timeout, refuses (the webhook answers 503 and Telegram delivers again later).
 */
final class ChatLanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService pool;
    private final Semaphore room;
    private final Object lock = new Object();
    private final Map<Long, Queue<Runnable>> lanes = new HashMap<>(); // guarded by lock; a lane is present while it has work
    private boolean closed; // guarded by lock

    ChatLanes(int threads, int maxQueued) {
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.numbered("telegram-chat-"));
        this.room = new Semaphore(maxQueued);
    }

    /** Queues work for a chat; waits at most `wait` for room. False when there is no room or the lanes are closed. */
    boolean submit(long chatId, Runnable work, Duration wait) throws InterruptedException {
        if (!room.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        synchronized (lock) {
            if (closed) {
                room.release();
                return false;
            }
            Queue<Runnable> lane = lanes.get(chatId);
            if (lane != null) {
                lane.add(work);
                return true;
            }
            lane = new ArrayDeque<>();
            lane.add(work);
            lanes.put(chatId, lane);
        }
        pool.execute(() -> runNext(chatId));
        return true;
    }

    private void runNext(long chatId) {
        Runnable work;
        synchronized (lock) {
            work = lanes.get(chatId).peek();
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            // The task is expected to handle its own failures; this only keeps the lane alive.
            LOG.error("work for a chat failed: {}", e.toString());
        } finally {
            room.release();
        }
        boolean more;
        synchronized (lock) {
            Queue<Runnable> lane = lanes.get(chatId);
            lane.remove();
            more = !lane.isEmpty();
            if (!more) {
                lanes.remove(chatId);
                lock.notifyAll();
            }
        }
        if (more) {
            try {
                pool.execute(() -> runNext(chatId));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.warn("stopped before chat work finished: the rest is handled after the restart");
            }
        }
    }

    /** Tasks waiting or running, across chats. */
    int pending() {
        synchronized (lock) {
            return lanes.values().stream().mapToInt(Queue::size).sum();
        }
    }

    /** Takes no more work, finishes what is queued and running (waiting at most `grace`), then stops the threads. */
    boolean drain(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            closed = true;
            while (!lanes.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!finished) {
            pool.shutdownNow();
        }
        return finished;
    }

    @Override
    public void close() throws InterruptedException {
        drain(Duration.ofSeconds(20));
    }
}
