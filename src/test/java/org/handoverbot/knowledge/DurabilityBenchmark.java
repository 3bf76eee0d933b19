package org.handoverbot.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.nlp.Gazetteer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What durable commits cost: ingesting one new article and one subscription (subscribe, then unsubscribe, so
 * the table stays the same size), each in the bot's default mode ("durable": written through, synced to the
 * disk, counted in the census) and in H2's lazy mode ("lazy": WRITE_DELAY=500 in the URL, as before issue 13),
 * measured in the same run. Run: see BENCHMARKS.md, "Durable commits".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@Threads(1)
public class DurabilityBenchmark {

    @Param({"durable", "lazy"})
    public String mode;

    private Path dir;
    private Database database;
    private KnowledgeIngester ingester;
    private Subscriptions subscriptions;
    private String seedText;
    private ArticleMetadata seedMetadata;
    private long next;

    @Setup
    public void open() throws IOException {
        dir = Files.createTempDirectory("durability-bench");
        String url = "jdbc:h2:file:" + dir.resolve("kb") + ";AUTO_SERVER=TRUE" + (mode.equals("lazy") ? ";WRITE_DELAY=500" : "");
        Gazetteer gazetteer = Gazetteer.load();
        database = Database.open(url);
        ingester = new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE);
        new SeedLoader(ingester).load();
        subscriptions = new Subscriptions(database);
        ArticleInput seed = InputFiles.articleResource("/seeds/alhal-qaim-2020-03-19.txt");
        seedText = seed.text();
        seedMetadata = seed.metadata();
    }

    @TearDown
    public void close() throws IOException {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A new article each time (one line of its own makes new text): the known event gains a source. */
    @Benchmark
    public IngestReport ingestOneArticle() {
        return ingester.ingest(new ArticleInput("bench-" + next, seedText + "\nتحديث " + (next++) + ".", seedMetadata));
    }

    @Benchmark
    public Object subscribeThenUnsubscribe() {
        long chat = 1_000_000 + (next++ % 1000);
        subscriptions.subscribe(chat, Optional.empty());
        return subscriptions.unsubscribe(chat);
    }

    @Benchmark
    public Object subscribe() {
        return subscriptions.subscribe(2_000_000 + next++, Optional.of("k1"));
    }
}
