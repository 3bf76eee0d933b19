package org.handoverbot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.handoverbot.config.BadSettingException;
import org.handoverbot.knowledge.Event;
import org.handoverbot.knowledge.KnowledgeBase;
import org.handoverbot.knowledge.KnowledgeModel;
import org.handoverbot.knowledge.Quote;
import org.handoverbot.knowledge.Source;
import org.handoverbot.knowledge.StoreException;
import org.handoverbot.nlp.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `events [--json]`: every stored event with its sources, in date order (undated last); the JSON also gives
 * each event's quotes (speaker, title, the words, and the source they were read in).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Lists every stored event with its sources.")
public final class EventsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "one JSON array of events with their sources and quotes (dates as YYYY-MM-DD)")
    boolean json;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "H2 or PostgreSQL JDBC URL (default: $HANDOVER_DB_URL or ./data/handover)")
    String db;

    @Spec
    CommandSpec spec;

    /**
     * Made on first use: picocli builds every subcommand at each start, and a mapper made then would load
     * Jackson on the main thread before `ask` could open its database (Application loads it on a second thread).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            KnowledgeModel knowledge = KnowledgeCommands.storedKnowledge(db, Gazetteer.load());
            List<Event> events = knowledge.events();
            if (json) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(withQuotes(knowledge)));
            } else {
                for (Event e : events) {
                    out.println("#" + e.id() + " " + e.kind() + " " + e.status() + " "
                            + (e.baseId() == null ? "-" : e.baseId()) + " "
                            + (e.date() == null ? "date unknown" : e.date()));
                    for (Source s : e.sources()) {
                        out.println("    " + s.publisher() + (s.published() == null ? "" : " " + s.published())
                                + (s.citedSource() == null ? "" : ", citing " + s.citedSource())
                                + (s.citedSpeaker() == null ? "" : " (" + s.citedSpeaker() + ")")
                                + (s.url() == null ? "" : " " + s.url()));
                    }
                }
            }
            return 0;
        } catch (BadSettingException e) {
            err.println("events: " + e.getMessage());
            return 2;
        } catch (StoreException | org.flywaydb.core.api.FlywayException e) {
            err.println("events: " + KnowledgeCommands.openProblem(e));
            return 2;
        } catch (JsonProcessingException e) {
            err.println("events: cannot write JSON (" + e.getOriginalMessage() + ")");
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One JSON object an event: its own fields, then "quotes". */
    static ArrayNode withQuotes(KnowledgeBase knowledge) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Event e : knowledge.events()) {
            ObjectNode event = Json.MAPPER.valueToTree(e);
            ArrayNode quotes = event.putArray("quotes");
            for (Quote q : knowledge.quotesOf(e)) {
                ObjectNode quote = quotes.addObject();
                quote.put("speaker", q.speakerName());
                quote.put("speakerId", q.speakerId());
                quote.put("title", q.speakerTitle());
                quote.put("text", q.text());
                quote.set("source", Json.MAPPER.valueToTree(q.source()));
            }
            array.add(event);
        }
        return array;
    }
}
