package org.handoverbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;

/**
 * A real H2 file database in a temporary folder, seeded as at start (the seed article and seeds/timeline.json),
 * for a benchmark's state; closing it closes the database and removes the folder.
 */
public final class SeededDatabase implements AutoCloseable {

    private final Path folder;
    private final Gazetteer gazetteer;
    private final Database database;
    private final KnowledgeIngester ingester;

    /** urlOptions: appended to the file URL (";WRITE_DELAY=500" for H2's lazy writes), "" for the bot's default. */
    public SeededDatabase(String name, String urlOptions) {
        try {
            folder = Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gazetteer = Gazetteer.load();
        database = Database.open("jdbc:h2:file:" + folder.resolve("kb") + ";AUTO_SERVER=TRUE" + urlOptions);
        ingester = new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE);
        new SeedLoader(ingester).load();
    }

    public Database database() {
        return database;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public KnowledgeIngester ingester() {
        return ingester;
    }

    @Override
    public void close() {
        database.close();
        Figures.deleteTree(folder);
    }
}
