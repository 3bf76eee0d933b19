package org.handoverbot.knowledge;

import java.util.List;

import org.handoverbot.bench.JmhDefaults;
import org.handoverbot.bench.SeededDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The knowledge base's paths: reading the seed article into events and quotes (no database), loading the whole
 * model (what a refresh does), reading the version (what the poll does), a look-up in the model (what an answer
 * does), and ingesting one new article in its transaction.
 * Real H2 file database in a temporary folder, seeded as at start. Run: see BENCHMARKS.md, "Knowledge base".
 */
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class KnowledgeBenchmark extends JmhDefaults {

    private SeededDatabase seeded;
    private KnowledgeLoader loader;
    private KnowledgeModel model;
    private KnowledgeIngester ingester;
    private ArticleExtractor extractor;
    private ArticleInput seed;
    private int next;

    @Setup
    public void open() {
        seeded = new SeededDatabase("knowledge-bench", "");
        ingester = seeded.ingester();
        loader = new KnowledgeLoader(seeded.database());
        model = loader.load();
        extractor = new ArticleExtractor(seeded.gazetteer());
        seed = InputFiles.articleResource("/seeds/alhal-qaim-2020-03-19.txt");
    }

    @TearDown
    public void close() {
        seeded.close();
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
