package org.handoverbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the bot's starting knowledge from the class path (/seeds/index.json lists the article texts and the
 * records files, in order). Run at every start: what is stored already adds nothing, and no alert is sent.
 */
public final class SeedLoader {

    public static final String INDEX = "/seeds/index.json";

    private final KnowledgeIngester ingester;

    public SeedLoader(KnowledgeIngester ingester) {
        this.ingester = Objects.requireNonNull(ingester);
    }

    /** Stores every seed not stored yet; returns one report a seed. */
    public List<IngestReport> load() {
        JsonNode index = index();
        List<IngestReport> reports = new ArrayList<>();
        for (JsonNode article : index.path("articles")) {
            reports.add(ingester.loadSeed(InputFiles.articleResource("/seeds/" + article.asText())));
        }
        for (JsonNode records : index.path("records")) {
            reports.add(ingester.loadSeed(InputFiles.recordsResource("/seeds/" + records.asText())));
        }
        return reports;
    }

    private static JsonNode index() {
        try (InputStream in = SeedLoader.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("seed index not found on the class path: " + INDEX);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seed index " + INDEX + ": " + e.getMessage(), e);
        }
    }
}
