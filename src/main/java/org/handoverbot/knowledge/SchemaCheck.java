package org.handoverbot.knowledge;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Whether the schema already has every migration on the class path, so starting can skip Flyway: configuring
 * and running it costs most of a second of a one-question `ask` (its classes, its config, its scan), while
 * this is one query when this very jar was checked against the database before (table schema_build), else a
 * listing of the migration folders and one query. Any doubt (a location that is not a plain directory or jar,
 * a migration other than V…__x.sql, a failed or missing history, a script on the class path the history lacks)
 * answers false and Flyway runs as before, with its checks. What this does not repeat is Flyway's checksum
 * validation of migrations already applied: an edited old migration is reported when the next new one runs.
 */
final class SchemaCheck {

    private static final String APPLIED = "SELECT \"script\", \"success\" FROM \"flyway_schema_history\"";
    private static final String FAILED = "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"";
    private static final String KNOWN = "SELECT 1 FROM schema_build WHERE fingerprint = ?";
    private static final String REMEMBER = "INSERT INTO schema_build (fingerprint) VALUES (?)";

    private SchemaCheck() {
    }

    static boolean isCurrent(DataSource dataSource, String... locations) {
        Optional<String> build = buildFingerprint();
        if (build.isPresent() && knownBuild(dataSource, build.get())) {
            return true;
        }
        Optional<Set<String>> scripts = scriptsOnClassPath(locations);
        if (scripts.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(APPLIED)) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history yet (a new database) or unreadable: Flyway decides
        }
        return applied.containsAll(scripts.get());
    }

    /**
     * Notes that the schema has every migration of this build (after Flyway ran, or the list matched), so the
     * next start of the same jar needs one query. Best effort: a failure only costs the next start the listing.
     */
    static void remember(DataSource dataSource) {
        Optional<String> build = buildFingerprint();
        if (build.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement known = c.prepareStatement(KNOWN);
             PreparedStatement insert = c.prepareStatement(REMEMBER)) {
            known.setString(1, build.get());
            try (ResultSet rs = known.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            insert.setString(1, build.get());
            insert.executeUpdate();
        } catch (SQLException e) {
            // another process remembered it first, or the table is not there: nothing lost
        }
    }

    private static boolean knownBuild(DataSource dataSource, String build) {
        try (Connection c = dataSource.getConnection(); PreparedStatement known = c.prepareStatement(KNOWN);
             Statement s = c.createStatement()) {
            known.setString(1, build);
            try (ResultSet rs = known.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
            try (ResultSet failed = s.executeQuery(FAILED)) {
                return failed.next() && failed.getInt(1) == 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** The jar this code runs from, by path, size and time; empty when it runs from a folder (tests, IDEs). */
    static Optional<String> buildFingerprint() {
        try {
            Path jar = Path.of(SchemaCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            String fingerprint = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            return fingerprint.length() <= 1200 ? Optional.of(fingerprint) : Optional.empty();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The file names of the versioned migrations in the locations; empty when one cannot be listed simply. */
    static Optional<Set<String>> scriptsOnClassPath(String... locations) {
        Set<String> names = new HashSet<>();
        for (String location : locations) {
            if (!location.startsWith("classpath:")) {
                return Optional.empty();
            }
            String folder = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
            Optional<Set<String>> found = list(folder);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            for (String name : found.get()) {
                if (!name.matches("V[0-9][0-9_]*__[^/]*\\.sql")) {
                    return Optional.empty();
                }
                names.add(name);
            }
        }
        return Optional.of(names);
    }

    private static Optional<Set<String>> list(String folder) {
        ClassLoader loader = SchemaCheck.class.getClassLoader();
        try {
            Set<String> names = new HashSet<>();
            for (Enumeration<URL> urls = loader.getResources(folder); urls.hasMoreElements(); ) {
                URL url = urls.nextElement();
                switch (url.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                                names.add(p.getFileName().toString());
                            }
                        }
                    }
                    case "jar" -> {
                        URLConnection connection = url.openConnection();
                        if (!(connection instanceof JarURLConnection jar)) {
                            return Optional.empty();
                        }
                        jar.setUseCaches(false);
                        try (JarFile file = jar.getJarFile()) {
                            String prefix = folder + "/";
                            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                                JarEntry entry = entries.nextElement();
                                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                                    names.add(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                                }
                            }
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            // a folder the class loader does not list (a jar without directory entries) is doubt, not "no migrations"
            return names.isEmpty() ? Optional.empty() : Optional.of(names);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
