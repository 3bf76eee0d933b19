package org.handoverbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.handoverbot.nlp.Gazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The knowledge base's paths: reading the seed article into events and quotes (no database), loading the whole
 * model (what a refresh does), reading the version (what the poll does), a look-up in the model (what an answer
 * does), and ingesting one new article in its transaction.
 * Real H2 file database in a temporary folder, seeded as at start. Run: see BENCHMARKS.md, "Knowledge base".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class KnowledgeBenchmark {

    private Path dir;
    private Database database;
    private KnowledgeLoader loader;
    private KnowledgeModel model;
    private KnowledgeIngester ingester;
    private ArticleExtractor extractor;
    private ArticleInput seed;
    private int next;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("knowledge-bench");
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + dir.resolve("kb") + ";AUTO_SERVER=TRUE");
        ingester = new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE);
        new SeedLoader(ingester).load();
        loader = new KnowledgeLoader(database);
        model = loader.load();
        extractor = new ArticleExtractor(gazetteer);
        seed = InputFiles.articleResource("/seeds/alhal-qaim-2020-03-19.txt");
    }

    @TearDown
    public void close() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Extraction extractTheSeedArticle() {
        return extractor.extract(seed.text(), seed.metadata());
    }

    /** What a rebuild costs when the knowledge version moves: the whole model, eight fixed statements. */
    @Benchmark
    public KnowledgeModel loadTheWholeModel() {
        return loader.load();
    }

    /** What the bot's poll costs every 250 ms: the one-row version. */
    @Benchmark
    public long readTheKnowledgeVersion() {
        return loader.version();
    }

    /** What an answer's reads cost now: look-ups in the model in memory. */
    @Benchmark
    public List<Quote> readTheQuotesAboutABaseFromTheModel() {
        return model.quotesAbout("al-qaim");
    }

    /** A new text each time (the same text would be recognised and skipped): the seed article plus a line. */
    @Benchmark
    public IngestReport ingestANewArticle() {
        String text = seed.text() + "\nنسخة " + (next++);
        return ingester.ingest(new ArticleInput("bench-" + next, text, seed.metadata()));
    }
}
