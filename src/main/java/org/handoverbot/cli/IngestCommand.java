package org.handoverbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.handoverbot.alerts.AlertOutboxWriter;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.BadInputException;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.DryRun;
import org.handoverbot.knowledge.IngestReport;
import org.handoverbot.knowledge.InputFiles;
import org.handoverbot.knowledge.KnowledgeIngester;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.StoreException;
import org.handoverbot.nlp.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `ingest FILE.txt... | RECORDS.json...`: stores articles (metadata in FILE.json beside each) and structured
 * records files, one transaction a file, while the bot may be running (AUTO_SERVER). Prints what each file
 * added; a bad file is one line naming it and the problem, and nothing of it is stored.
 * Exit code: 0 all stored, 1 some file refused, 2 bad settings or database.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Adds articles (FILE.txt with FILE.json beside it) or records files (.json) to the knowledge.")
public final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "article .txt files or records .json files")
    List<Path> files;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 or PostgreSQL JDBC URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Option(names = "--dry-run", description = "print what would be stored and store nothing (no database is opened)")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private final Function<Database, NewEventsListener> listeners;

    /**
     * New events go to the alerts outbox (to subscribers and TELEGRAM_ALERT_CHANNEL), in the ingest transaction;
     * the running bot's sender delivers them.
     */
    public IngestCommand() {
        this(database -> new AlertOutboxWriter(Settings.fromEnvironment().alertChannel(), Clock.systemUTC()));
    }

    /** listeners: given the opened database, the listener told of new events inside each ingest transaction. */
    public IngestCommand(Function<Database, NewEventsListener> listeners) {
        this.listeners = Objects.requireNonNull(listeners);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gazetteer gazetteer = Gazetteer.load();
        if (dryRun) {
            return dryRun(gazetteer, out, err);
        }
        try (Database database = KnowledgeCommands.openSeeded(db, gazetteer)) {
            KnowledgeIngester ingester = new KnowledgeIngester(database, gazetteer, listeners.apply(database));
            int refused = 0;
            for (Path file : files) {
                try {
                    IngestReport report = InputFiles.isRecordsFile(file)
                            ? ingester.ingest(InputFiles.records(file))
                            : ingester.ingest(InputFiles.article(file));
                    report.lines().forEach(out::println);
                } catch (BadInputException e) {
                    err.println("ingest: " + e.getMessage());
                    refused++;
                } catch (StoreException e) {
                    err.println("ingest: " + file + ": not stored (" + e.getMessage() + ")");
                    refused++;
                }
                out.flush();
            }
            return refused == 0 ? 0 : 1;
        } catch (BadSettingException e) {
            err.println("ingest: " + e.getMessage());
            return 2;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("ingest: " + KnowledgeCommands.openProblem(e));
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Reads each file as ingest would and prints what it would store; no database, no alerts. */
    private int dryRun(Gazetteer gazetteer, PrintWriter out, PrintWriter err) {
        int refused = 0;
        for (Path file : files) {
            try {
                DryRun.lines(file, gazetteer).forEach(out::println);
            } catch (BadInputException e) {
                err.println("ingest: " + e.getMessage());
                refused++;
            }
            out.flush();
        }
        err.flush();
        return refused == 0 ? 0 : 1;
    }
}
