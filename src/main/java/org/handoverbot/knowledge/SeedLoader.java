package org.handoverbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the bot's starting knowledge from the class path (/seeds/index.json lists the article texts and the
 * records files, in order). Run at every start: a seed whose files have the checksum stored when it was last
 * stored (table seed_file) is not read again; any other is stored (what is stored already adds nothing), and
 * no alert is sent.
 */
public final class SeedLoader {

    public static final String INDEX = "/seeds/index.json";

    private static final String STORED = "SELECT name, sha256 FROM seed_file";
    private static final String FORGET = "DELETE FROM seed_file WHERE name = ?";
    private static final String REMEMBER = "INSERT INTO seed_file (name, sha256) VALUES (?, ?)";

    private final KnowledgeIngester ingester;

    public SeedLoader(KnowledgeIngester ingester) {
        this.ingester = Objects.requireNonNull(ingester);
    }

    /** Stores every seed not stored yet (or changed since); returns one report a seed. */
    public List<IngestReport> load() {
        JsonNode index = index();
        List<Seed> seeds = new ArrayList<>();
        for (JsonNode article : index.path("articles")) {
            seeds.add(new Seed("/seeds/" + article.asText(), true));
        }
        for (JsonNode records : index.path("records")) {
            seeds.add(new Seed("/seeds/" + records.asText(), false));
        }
        Map<String, String> stored = stored();
        List<IngestReport> reports = new ArrayList<>();
        for (Seed seed : seeds) {
            String checksum = seed.checksum();
            if (checksum.equals(stored.get(seed.resource()))) {
                reports.add(new IngestReport(seed.resource(), true, List.of(), List.of(), List.of()));
                continue;
            }
            reports.add(seed.article()
                    ? ingester.loadSeed(InputFiles.articleResource(seed.resource()))
                    : ingester.loadSeed(InputFiles.recordsResource(seed.resource())));
            remember(seed.resource(), checksum);
        }
        return reports;
    }

    private record Seed(String resource, boolean article) {

        /** The seed's bytes, and for an article its metadata's too: a change to either stores it again. */
        String checksum() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(bytes(resource));
                if (article) {
                    sha.update((byte) 0);
                    sha.update(bytes(resource.replaceFirst("\\.txt$", ".json")));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = SeedLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed not found on the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seed " + resource + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> stored() {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ingester.database().connection(); PreparedStatement ps = c.prepareStatement(STORED);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the stored seeds: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Best effort: when another process loading the same seeds at the same moment remembers it first, the
     * insert fails and nothing is lost (the next start finds its row; at worst it reads the seed again).
     */
    private void remember(String resource, String checksum) {
        try {
            store(resource, checksum);
        } catch (StoreException e) {
            // the other loader's row stands (same seed files, same checksum)
        }
    }

    private void store(String resource, String checksum) {
        ingester.database().inTransaction(c -> {
            try (PreparedStatement forget = c.prepareStatement(FORGET);
                 PreparedStatement remember = c.prepareStatement(REMEMBER)) {
                forget.setString(1, resource);
                forget.executeUpdate();
                remember.setString(1, resource);
                remember.setString(2, checksum);
                return remember.executeUpdate();
            }
        });
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
