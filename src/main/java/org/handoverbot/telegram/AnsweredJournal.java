package org.handoverbot.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Answered" marks of Telegram updates, appended to a file beside an embedded database just before each reply
 * goes out, and moved into the table telegram_update in batches ({@link HandledUpdates}).
 *
 * <p>Why a file: the mark must be written before the reply leaves, so that a kill -9 right after never answers
 * the update a second time. On H2 every commit writes a new chunk of the store and the census record beside it;
 * one commit per reply was most of what a reply cost under a burst (BENCHMARKS.md, "Telegram load"). A line
 * written to a file reaches the operating system just as an H2 commit does (neither is synced to the device, and
 * both survive the process being killed), for a fraction of the cost. What the file holds when a process dies is
 * moved into the table by the next one, before it takes in any update.
 *
 * <p>One line per mark: {@code UPDATE_ID EPOCH_MILLIS}. A line cut short by a kill belongs to a mark whose
 * reply never left (the mark returns only once its line is written), so it is ignored. The batch being moved is
 * renamed NAME.answered.moving first, so marks written meanwhile go to a new file and nothing is lost between.
 * One process holds the journal (an operating-system lock on the file); another process on the same database
 * gets none and marks in the table directly.
 */
final class AnsweredJournal implements AutoCloseable {

    /** One mark as written. */
    record Mark(long updateId, Instant answeredAt) {
    }

    static final String SUFFIX = ".answered";
    private static final String MOVING = ".moving";

    private final Path file;
    private final Path moving;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel; // guarded by this
    private boolean closed; // guarded by this

    private AnsweredJournal(Path file, FileChannel lockChannel, FileLock lock) throws IOException {
        this.file = file;
        this.moving = file.resolveSibling(file.getFileName() + MOVING);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = open(file);
    }

    /**
     * The journal beside a database file (NAME.mv.db gives NAME.answered), or empty when another process (or
     * another bot in this one) holds it already.
     */
    static Optional<AnsweredJournal> beside(Path databaseFile) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        Path file = databaseFile.resolveSibling(name + SUFFIX);
        Path lockFile = databaseFile.resolveSibling(name + SUFFIX + ".lock");
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                return Optional.empty();
            }
            return Optional.of(new AnsweredJournal(file, lockChannel, lock));
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The marks a process left behind (a batch it was moving and the file it was writing), oldest first. */
    synchronized List<Mark> leftBehind() {
        List<Mark> marks = new ArrayList<>(read(moving));
        marks.addAll(read(file));
        return marks;
    }

    /** After {@link #leftBehind} went into the table: both files are emptied. */
    synchronized void forgetLeftBehind() {
        try {
            Files.deleteIfExists(moving);
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the mark; when this returns, a kill -9 of the process no longer loses it. */
    synchronized void append(long updateId, Instant answeredAt) {
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
        ByteBuffer line = ByteBuffer.wrap((updateId + " " + answeredAt.toEpochMilli() + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The marks to move into the table now: the batch left from a move that failed, or else every mark written
     * so far (the file is set aside and a new one begun). Call {@link #moved} once they are committed.
     */
    synchronized List<Mark> batch() {
        try {
            if (!Files.exists(moving)) {
                if (channel.size() == 0) {
                    return List.of();
                }
                channel.close();
                Files.move(file, moving, StandardCopyOption.ATOMIC_MOVE);
                channel = open(file);
            }
            return read(moving);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside " + file + ": " + e.getMessage(), e);
        }
    }

    /** The batch from {@link #batch} is in the table. */
    synchronized void moved() {
        try {
            Files.deleteIfExists(moving);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + moving + ": " + e.getMessage(), e);
        }
    }

    /** Whether marks are waiting to be moved (for tests and the close). */
    synchronized boolean isEmpty() {
        try {
            return !Files.exists(moving) && channel.size() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(channel);
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel anyway
        }
        closeQuietly(lockChannel);
    }

    Path file() {
        return file;
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static List<Mark> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Mark> marks = new ArrayList<>();
        int end = text.lastIndexOf('\n'); // what follows the last newline was cut short by a kill
        for (String line : text.substring(0, end + 1).split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                try {
                    marks.add(new Mark(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
                } catch (NumberFormatException e) {
                    // not a line this class wrote: skipped, as a cut line is
                }
            }
        }
        return marks;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after a failure or at the end: nothing more to do
        }
    }
}
