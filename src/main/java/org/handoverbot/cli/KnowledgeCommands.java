package org.handoverbot.cli;

import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;

/** What ingest and events share: which database to open (--db, else HANDOVER_DB_URL, else ./data). */
final class KnowledgeCommands {

    private KnowledgeCommands() {
    }

    static Database open(String dbOption) {
        String url = dbOption != null ? dbOption : Settings.fromEnvironment().databaseUrl();
        return Database.open(url);
    }
}
