package org.handoverbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.handoverbot.config.BadSettingException;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2Backup;
import org.handoverbot.knowledge.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `backup FILE.zip`: a consistent copy of the database, also while the bot runs (it serves the file to this
 * process), read through once before it is called done. Exit code: 0 written, 2 database or setting wrong,
 * 1 the backup could not be written.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs the database up to a .zip file (also while the bot runs); `restore FILE` puts it back.")
public final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup file to write, e.g. backups/handover-2026-11-29.zip")
    Path file;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 database URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database database = KnowledgeCommands.open(db)) {
            H2Backup.Summary summary = H2Backup.backup(database, file);
            out.println("backup: wrote " + file + " (" + summary.bytes() + " bytes): " + summary.described());
            return 0;
        } catch (BadSettingException e) {
            err.println("backup: " + e.getMessage());
            return 2;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("backup: " + KnowledgeCommands.openProblem(e));
            return 2;
        } catch (H2Backup.BackupException e) {
            err.println("backup: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
