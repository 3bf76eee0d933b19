package org.handoverbot.knowledge;

import java.util.Optional;

import org.handoverbot.alerts.Subscriptions;
import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.bench.SeededDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What durable commits cost: ingesting one new article and one subscription (subscribe, then unsubscribe, so
 * the table stays the same size), each in the bot's default mode ("durable": written through, synced to the
 * disk, counted in the census) and in H2's lazy mode ("lazy": WRITE_DELAY=500 in the URL, as before issue 13),
 * measured in the same run. Run: see BENCHMARKS.md, "Durable commits".
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class DurabilityBenchmark extends JmhDefaults {

    @Param({"durable", "lazy"})
    public String mode;

    private SeededDatabase seeded;
    private KnowledgeIngester ingester;
    private Subscriptions subscriptions;
    private String seedText;
    private ArticleMetadata seedMetadata;
    private long next;

    @Setup
    public void open() {
        seeded = new SeededDatabase("durability-bench", mode.equals("lazy") ? ";WRITE_DELAY=500" : "");
        ingester = seeded.ingester();
        subscriptions = new Subscriptions(seeded.database());
        ArticleInput seed = InputFiles.articleResource("/seeds/alhal-qaim-2020-03-19.txt");
        seedText = seed.text();
        seedMetadata = seed.metadata();
    }

    @TearDown
    public void close() {
        seeded.close();
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
