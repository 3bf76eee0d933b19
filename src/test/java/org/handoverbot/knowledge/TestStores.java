package org.handoverbot.knowledge;

import java.nio.file.Path;

import org.handoverbot.nlp.Gazetteer;

/** A fresh file database per test, migrated, with the real gazetteer: the parts the bot runs on. */
final class TestStores {

    static final Gazetteer GAZETTEER = Gazetteer.load();

    private TestStores() {
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    static Database open(Path dir) {
        return Database.open(url(dir));
    }
}
