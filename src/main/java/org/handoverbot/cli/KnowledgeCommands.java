package org.handoverbot.cli;

import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.DamagedDatabaseException;
import org.handoverbot.knowledge.DatabaseAddress;
import org.handoverbot.knowledge.H2KnowledgeBase;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.KnowledgeModel;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.SeedLoader;
import org.handoverbot.nlp.Gazetteer;

/** What the database commands share: which database to open (--db, else HANDOVER_DB_URL, else ./data), and how to say it failed. */
final class KnowledgeCommands {

    private KnowledgeCommands() {
    }

    static Database open(String dbOption) {
        Settings settings = Settings.fromEnvironment();
        DatabaseAddress address = settings.database();
        return Database.open(dbOption == null ? address
                : new DatabaseAddress(dbOption, address.user(), address.password()));
    }

    /** The database with the seed articles stored (again harmlessly), so a fresh database never starts empty. */
    static Database openSeeded(String dbOption, Gazetteer gazetteer) {
        Database database = open(dbOption);
        try {
            new SeedLoader(new KnowledgeIngester(database, gazetteer, NewEventsListener.NONE)).load();
            return database;
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** The knowledge as stored now (the seeds stored first), in memory: the database is closed again before it is used. */
    static KnowledgeModel storedKnowledge(String dbOption, Gazetteer gazetteer) {
        try (Database database = openSeeded(dbOption, gazetteer)) {
            return new H2KnowledgeBase(database, gazetteer).now();
        }
    }

    /** Why the database could not be opened, in one line: damage says itself and its way out. */
    static String openProblem(RuntimeException e) {
        return e instanceof DamagedDatabaseException ? e.getMessage()
                : "cannot open the database (" + firstLine(e.getMessage()) + ")";
    }

    /** The first line of an exception message: H2 and Flyway append pages of detail an operator does not need. */
    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
