package org.handoverbot.cli;

import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.H2Backup;
import picocli.CommandLine.Command;

/**
 * `restore FILE.zip`: puts a backup in place of the database (the bot stopped). The file it replaces is kept
 * beside it; the next start accepts the restored database. Alerts still queued in the backup are closed unsent
 * (they may have gone out after it was taken). Exit codes: {@link BackupFileCommand}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replaces the database with a backup made by `backup` (stop the bot first).")
public final class RestoreCommand extends BackupFileCommand {

    @Override
    String run() {
        String url = db != null ? db : Settings.fromEnvironment().databaseUrl();
        H2Backup.Restored restored = H2Backup.restore(url, file);
        return restored.database() + " now holds the backup " + file + ": " + restored.summary().described()
                + (restored.alertsClosed() == 0 ? "" : "; " + restored.alertsClosed() + " alert(s) still queued in"
                        + " it were closed unsent (they may have gone out after the backup; see /queue)")
                + (restored.replacedKeptAs() == null ? "" : "; the file it replaced is kept as " + restored.replacedKeptAs());
    }
}
