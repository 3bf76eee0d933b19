package org.handoverbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.H2Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `restore FILE.zip`: puts a backup in place of the database (the bot stopped). The file it replaces is kept
 * beside it; the next start accepts the restored database. Exit code: 0 restored, 1 not, 2 bad setting.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replaces the database with a backup made by `backup` (stop the bot first).")
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a backup .zip written by `backup`")
    Path file;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 database URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String url = db != null ? db : Settings.fromEnvironment().databaseUrl();
            H2Backup.Restored restored = H2Backup.restore(url, file);
            out.println("restore: " + restored.database() + " now holds the backup " + file + ": "
                    + restored.summary().described()
                    + (restored.alertsClosed() == 0 ? "" : "; " + restored.alertsClosed() + " alert(s) still queued in"
                            + " it were closed unsent (they may have gone out after the backup; see /queue)")
                    + (restored.replacedKeptAs() == null ? "" : "; the file it replaced is kept as " + restored.replacedKeptAs()));
            return 0;
        } catch (BadSettingException e) {
            err.println("restore: " + e.getMessage());
            return 2;
        } catch (H2Backup.BackupException e) {
            err.println("restore: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
