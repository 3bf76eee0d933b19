package org.handoverbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.InputFiles;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.QuestionUnderstander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transcript under src/test/resources/conversations/, each one chat with the whole bot (real understander,
 * every seed in a real H2 file). A transcript is lines of "> what the user writes", each followed by
 * "+ text the reply must contain" and "- text the reply must not contain" (jlox's expectation comments, as
 * lines); "#" starts a comment. Adding a conversation is adding a file.
 */
class ConversationsTest {

    @TempDir
    static Path dir;

    static Database database;
    static AnswerDialogue dialogue;
    static final AtomicLong CHATS = new AtomicLong(9_000);

    final PlainTextRenderer plain = new PlainTextRenderer();

    /** One user turn and what its reply must and must not say. */
    record Turn(int line, String message, List<String> contains, List<String> lacks) {
    }

    @BeforeAll
    static void loadSeeds() {
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath());
        new SeedLoader(new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE)).load();
        dialogue = new AnswerDialogue(new H2KnowledgeBase(database, gazetteer), gazetteer,
                QuestionUnderstander.load(gazetteer)::understand, Optional.empty(), new ConversationMemory(),
                QuestionUnderstander.CONFIDENCE_THRESHOLD);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Path> transcripts() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(ConversationsTest.class.getResource("/conversations")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(all).as("transcripts").hasSizeGreaterThanOrEqualTo(40);
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void conversationGoesAsTheTranscriptSays(Path transcript) throws IOException {
        assertThat(newsOf(transcript)).as("the tuned transcripts talk over the seeds alone").isEmpty();
        List<Turn> turns = parse(transcript);
        assertThat(turns).as("turns in " + transcript.getFileName()).isNotEmpty();
        long chat = CHATS.incrementAndGet();
        SoftAssertions soft = new SoftAssertions();
        for (Turn turn : turns) {
            String reply = plain.render(dialogue.onText(chat, turn.message()));
            String where = transcript.getFileName() + ":" + turn.line() + " «" + turn.message() + "» got:\n" + reply;
            turn.contains().forEach(text -> soft.assertThat(reply).as(where).contains(text));
            turn.lacks().forEach(text -> soft.assertThat(reply).as(where).doesNotContain(text));
        }
        soft.assertAll();
    }

    /**
     * The third session's held-out transcripts (src/test/resources/heldout/conversations/), written before any rule
     * they test and kept apart from the transcripts above, which the rules were tuned on. Counts the turns whose every
     * expectation holds, prints the misses and writes target/heldout-conversations.txt. The floor is the count
     * reached so far (first run: 10 of 16 turns, 0 of 4 transcripts whole; the second batch h5: 4 of 5 turns;
     * the third, h6 over fresh held-out reports: 2 of 4; the fourth, h7, written after the batch-3 fixes: 0 of 2;
     * the fifth, h8-h9 of session 5: 7 of 10, 0 of 2 whole; the sixth, h10, after the batch-5 fixes: 2 of 5, with a
     * false handover of Harir); it only rises.
     */
    @Test
    void heldOutTranscriptsKeepEveryTurnReached() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(ConversationsTest.class.getResource("/heldout/conversations")).toURI());
        List<Path> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int turns = 0;
        int turnsRight = 0;
        int transcriptsRight = 0;
        List<String> misses = new ArrayList<>();
        StringBuilder replies = new StringBuilder();
        for (Path transcript : all) {
            long chat = CHATS.incrementAndGet();
            boolean whole = true;
            List<String> news = newsOf(transcript);
            Database own = news.isEmpty() ? null : storeWith(transcript, news);
            AnswerDialogue talk = own == null ? dialogue : dialogueOver(own);
            try {
                for (Turn turn : parse(transcript)) {
                    String reply = plain.render(talk.onText(chat, turn.message()));
                    List<String> wrong = new ArrayList<>();
                    turn.contains().stream().filter(t -> !reply.contains(t)).forEach(t -> wrong.add("lacks «" + t + "»"));
                    turn.lacks().stream().filter(reply::contains).forEach(t -> wrong.add("has «" + t + "»"));
                    turns++;
                    replies.append("> ").append(turn.message()).append('\n').append(reply).append("\n\n");
                    if (wrong.isEmpty()) {
                        turnsRight++;
                    } else {
                        whole = false;
                        misses.add(transcript.getFileName() + ":" + turn.line() + " «" + turn.message() + "» " + wrong
                                + " got: " + reply.replace('\n', ' '));
                    }
                }
                transcriptsRight += whole ? 1 : 0;
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        }
        String line = String.format("held-out conversations: transcripts %d/%d, turns %d/%d", transcriptsRight,
                all.size(), turnsRight, turns);
        System.out.println(line);
        misses.forEach(m -> System.out.println("  " + m));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "heldout-conversations.txt"), line + "\n" + String.join("\n", misses)
                + "\n\nEvery reply, for reading:\n" + replies);
        assertThat(all).hasSizeGreaterThanOrEqualTo(4);
        assertThat(turnsRight).as(line).isGreaterThanOrEqualTo(HELD_OUT_TURNS_REACHED);
    }

    /** Held-out turns right so far; raise it when a fix makes more pass, never lower it. */
    static final int HELD_OUT_TURNS_REACHED = 41;

    /** The held-out reports a transcript stores first: its "@ news NAME" lines (heldout/news/NAME.txt). */
    static List<String> newsOf(Path transcript) throws IOException {
        return Files.readAllLines(transcript, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> l.startsWith("@")).map(l -> l.substring(1).strip())
                .map(l -> {
                    if (!l.startsWith("news ")) {
                        throw new IllegalArgumentException(transcript + ": an @ line is '@ news NAME', not '@ " + l + "'");
                    }
                    return l.substring(5).strip();
                }).toList();
    }

    /** A store of the transcript's own: every seed, then its held-out reports, ingested as an operator would. */
    private static Database storeWith(Path transcript, List<String> news) throws URISyntaxException {
        Gazetteer gazetteer = Gazetteer.load();
        String name = transcript.getFileName().toString().replace(".txt", "");
        Database own = Database.open("jdbc:h2:file:" + dir.resolve("kb-" + name).toAbsolutePath());
        KnowledgeIngester ingester = new KnowledgeIngester(own, gazetteer, NewEventsListener.NONE);
        new SeedLoader(ingester).load();
        Path folder = Path.of(Objects.requireNonNull(ConversationsTest.class.getResource("/heldout/news")).toURI());
        for (String article : news) {
            ingester.ingest(InputFiles.article(folder.resolve(article + ".txt")));
        }
        return own;
    }

    private static AnswerDialogue dialogueOver(Database db) {
        Gazetteer gazetteer = Gazetteer.load();
        return new AnswerDialogue(new H2KnowledgeBase(db, gazetteer), gazetteer,
                QuestionUnderstander.load(gazetteer)::understand, Optional.empty(), new ConversationMemory(),
                QuestionUnderstander.CONFIDENCE_THRESHOLD);
    }

    static List<Turn> parse(Path transcript) throws IOException {
        List<Turn> turns = new ArrayList<>();
        List<String> lines = Files.readAllLines(transcript, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String text = line.substring(1).strip();
            switch (line.charAt(0)) {
                case '>' -> turns.add(new Turn(i + 1, text, new ArrayList<>(), new ArrayList<>()));
                case '+', '-' -> {
                    if (turns.isEmpty() || text.isEmpty()) {
                        throw new IllegalArgumentException(transcript + ":" + (i + 1) + ": expectation without a message");
                    }
                    Turn last = turns.get(turns.size() - 1);
                    (line.charAt(0) == '+' ? last.contains() : last.lacks()).add(text);
                }
                default -> throw new IllegalArgumentException(transcript + ":" + (i + 1) + ": a line starts with >, +, - or #");
            }
        }
        return turns;
    }
}
