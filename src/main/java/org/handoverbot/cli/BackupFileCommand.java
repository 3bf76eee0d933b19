package org.handoverbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.flywaydb.core.api.FlywayException;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.knowledge.H2Backup;
import org.handoverbot.knowledge.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What `backup FILE` and `restore FILE` share: the backup file and --db, one line out saying what was done or
 * one line err saying why not, each starting with the command's name. Exit code: 0 done, 1 the backup could
 * not be written or put back, 2 a bad setting or a database that cannot be opened.
 */
abstract class BackupFileCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the backup .zip: written by `backup`, put back by `restore`,"
            + " e.g. backups/handover-2026-11-29.zip")
    Path file;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 database URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    /** Does the command's work on {@link #file} and says in one line what it did. */
    abstract String run();

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.name();
        try {
            out.println(name + ": " + run());
            return 0;
        } catch (BadSettingException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        } catch (StoreException | FlywayException e) {
            err.println(name + ": " + KnowledgeCommands.openProblem(e));
            return 2;
        } catch (H2Backup.BackupException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
