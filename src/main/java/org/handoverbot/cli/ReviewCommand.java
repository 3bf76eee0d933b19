package org.handoverbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.handoverbot.alerts.AlertOutboxWriter;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.config.Settings;
import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.NewEventsListener;
import org.handoverbot.knowledge.Review;
import org.handoverbot.knowledge.StoreException;
import org.handoverbot.nlp.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `review list | approve ID | reject ID`: the events held for an operator (a flagged date, an unknown base or
 * party). Approving makes one fact and writes its alerts, once; rejecting keeps it out of every answer.
 * Exit code: 0 done, 1 no such event waiting, 2 bad settings or database, 64 bad usage.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Lists events held for review, or approves / rejects one (review list | approve ID | reject ID).")
public final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, approve or reject")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "the event's number (#ID in the list)")
    Long id;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 or PostgreSQL JDBC URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    private final Function<Database, NewEventsListener> listeners;

    /** Approved events go to the alerts outbox like a new ingest's; the running bot's sender delivers them. */
    public ReviewCommand() {
        this(database -> new AlertOutboxWriter(Settings.fromEnvironment().alertChannel(), Clock.systemUTC()));
    }

    public ReviewCommand(Function<Database, NewEventsListener> listeners) {
        this.listeners = Objects.requireNonNull(listeners);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean list = "list".equals(action);
        if (!list && !"approve".equals(action) && !"reject".equals(action) || !list && id == null) {
            err.println("review: use 'review list', 'review approve ID' or 'review reject ID'");
            return 64;
        }
        try (Database database = KnowledgeCommands.openSeeded(db, Gazetteer.load())) {
            Review review = new Review(database, listeners.apply(database));
            if (list) {
                List<Review.Pending> pending = review.pending();
                out.println(pending.size() + " event(s) to review");
                for (Review.Pending p : pending) {
                    out.println("  " + ReviewLines.line(p));
                }
                return 0;
            }
            Review.Outcome outcome = "approve".equals(action) ? review.approve(id) : review.reject(id);
            out.println(switch (outcome) {
                case APPROVED -> "#" + id + " approved: now told as fact, its alerts written";
                case REJECTED -> "#" + id + " rejected: kept out of every answer";
                case NOT_WAITING -> "#" + id + " is not waiting for review: nothing changed";
            });
            return outcome == Review.Outcome.NOT_WAITING ? 1 : 0;
        } catch (BadSettingException e) {
            err.println("review: " + e.getMessage());
            return 2;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("review: " + KnowledgeCommands.openProblem(e));
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
