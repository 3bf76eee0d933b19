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
 * What the duplicate guard ({@link HandledUpdates}) records of Telegram updates, appended to a file beside an
 * embedded database and moved into the table telegram_update in batches: an update taken in (with its JSON, so a
 * restart can answer it), before it is queued, and "answered", just before its reply goes out.
 *
 * <p>Why a file: each record must be written before the step it guards, so that a kill -9 right after neither
 * loses the question nor answers it a second time. On H2 every commit writes a new chunk of the store and the
 * census record beside it; a commit per reply was most of what a reply cost under a burst (BENCHMARKS.md,
 * "Telegram load"). A line written to a file reaches the operating system just as an H2 commit does (neither is
 * synced to the device, and both survive the process being killed), for a fraction of the cost. What the file
 * holds when a process dies is moved into the table by the next one, before it takes in any update.
 *
 * <p>One line per record: {@code T UPDATE_ID CHAT_ID EPOCH_MILLIS ATTEMPTS JSON} (taken in; JSON is "-" when not
 * kept; Jackson writes it on one line) and {@code A UPDATE_ID EPOCH_MILLIS} (answered). A line cut short by a kill
 * belongs to a record whose step never happened (a record returns only once its line is written), so it is
 * ignored. The batch being moved is renamed NAME.updates.moving first, so records written meanwhile go to a new
 * file and nothing is lost between. One process holds the journal (an operating-system lock on a file beside it);
 * another process on the same database gets none and records in the table directly.
 */
final class UpdateJournal implements AutoCloseable {

    /** One line of the journal. */
    sealed interface Entry permits Taken, Answered {
        long updateId();
    }

    /** Taken in: a new update (attempts 1) or one taken again (the attempts it has now); payload may be null. */
    record Taken(long updateId, long chatId, Instant at, int attempts, String payload) implements Entry {
    }

    /** Answered: its reply was about to go out. */
    record Answered(long updateId, Instant at) implements Entry {
    }

    static final String SUFFIX = ".updates";
    private static final String MOVING = ".moving";

    private final Path file;
    private final Path moving;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel; // guarded by this
    private boolean closed; // guarded by this

    private UpdateJournal(Path file, FileChannel lockChannel, FileLock lock) throws IOException {
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
    static Optional<UpdateJournal> beside(Path databaseFile) {
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
            return Optional.of(new UpdateJournal(file, lockChannel, lock));
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The records a process left behind (a batch it was moving and the file it was writing), oldest first. */
    synchronized List<Entry> leftBehind() {
        List<Entry> entries = new ArrayList<>(read(moving));
        entries.addAll(read(file));
        return entries;
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

    /** Writes the records in one write; when this returns, a kill -9 of the process no longer loses them. */
    void append(List<? extends Entry> entries) {
        StringBuilder lines = new StringBuilder();
        for (Entry entry : entries) {
            if (entry instanceof Taken t) {
                lines.append("T ").append(t.updateId()).append(' ').append(t.chatId()).append(' ')
                        .append(t.at().toEpochMilli()).append(' ').append(t.attempts()).append(' ')
                        .append(t.payload() == null ? "-" : oneLine(t.payload()));
            } else if (entry instanceof Answered a) {
                lines.append("A ").append(a.updateId()).append(' ').append(a.at().toEpochMilli());
            }
            lines.append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        write(bytes);
    }

    private synchronized void write(ByteBuffer bytes) {
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The marks to move into the table now: the batch left from a move that failed, or else every mark written
     * so far (the file is set aside and a new one begun). Call {@link #moved} once they are committed.
     */
    synchronized List<Entry> batch() {
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel.size() == 0 && !Files.exists(moving)) {
                Files.deleteIfExists(file); // all in the table: nothing to leave beside the database
            }
        } catch (IOException e) {
            // an empty journal left behind is read as empty at the next start
        }
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

    /**
     * The update's JSON on one line, the same JSON: in valid JSON a raw line break can only be whitespace between
     * tokens (inside a string it is escaped), so it becomes a space. Telegram's own JSON (kept as it came) may
     * have some; Jackson's never has.
     */
    static String oneLine(String json) {
        return json.indexOf('\n') < 0 && json.indexOf('\r') < 0 ? json : json.replace('\r', ' ').replace('\n', ' ');
    }

    private static List<Entry> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        int end = text.lastIndexOf('\n'); // what follows the last newline was cut short by a kill
        for (String line : text.substring(0, end + 1).split("\n")) {
            try {
                parse(line).ifPresent(entries::add);
            } catch (RuntimeException e) {
                // not a line this class wrote: skipped, as a cut line is
            }
        }
        return entries;
    }

    private static Optional<Entry> parse(String line) {
        String[] parts = line.split(" ", 6);
        if (parts[0].equals("A") && parts.length == 3) {
            return Optional.of(new Answered(Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        }
        if (parts[0].equals("T") && parts.length == 6) {
            return Optional.of(new Taken(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Instant.ofEpochMilli(Long.parseLong(parts[3])), Integer.parseInt(parts[4]),
                    parts[5].equals("-") ? null : parts[5]));
        }
        return Optional.empty();
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
