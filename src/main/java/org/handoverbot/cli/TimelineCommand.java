package org.handoverbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.handoverbot.answer.Names;
import org.handoverbot.answer.TimelinePicture;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.StoreException;
import org.handoverbot.nlp.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `timeline --png FILE`: the picture /timeline sends on Telegram, written to a file for people to look at
 * (drawn from the same stored knowledge, the seeds included).
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Writes the handovers' timeline picture (the one /timeline sends) as a PNG file.")
public final class TimelineCommand implements Callable<Integer> {

    @Option(names = "--png", paramLabel = "FILE", required = true, description = "where to write the PNG picture")
    Path png;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 database URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gazetteer gazetteer = Gazetteer.load();
        try {
            List<Event> events = KnowledgeCommands.storedKnowledge(db, gazetteer).events();
            if (!TimelinePicture.drawable(events)) {
                err.println("timeline: the sources give no dated handover; nothing to draw");
                return 1;
            }
            byte[] picture = new TimelinePicture(new Names(gazetteer)).png(events);
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(png, picture);
            out.println("timeline: wrote " + png + " (" + TimelinePicture.WIDTH + "x" + TimelinePicture.HEIGHT + ", "
                    + picture.length / 1024 + " KiB)");
            return 0;
        } catch (BadSettingException e) {
            err.println("timeline: " + e.getMessage());
            return 2;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("timeline: " + KnowledgeCommands.openProblem(e));
            return 2;
        } catch (IOException e) {
            err.println("timeline: cannot write " + png + " (" + e.getMessage() + ")");
            return 1;
        } catch (IllegalStateException e) {
            // No font with Arabic letters on this machine: say which package brings one.
            err.println("timeline: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
