package org.handoverbot.knowledge.pg;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database for one test class, on the JVM's one test server ({@link TestPostgres}):
 * {@code @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();} then
 * {@code POSTGRES.url()}. Created before the class's first test, dropped after its last.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private String url;

    @Override
    public void beforeAll(ExtensionContext context) {
        url = TestPostgres.newDatabase(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (url != null) {
            TestPostgres.dropDatabase(url);
            url = null;
        }
    }

    /** The database's JDBC URL (jdbc:postgresql://localhost:PORT/NAME?user=postgres). */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("register PostgresDatabase as a static @RegisterExtension field");
        }
        return url;
    }

    /** Another fresh database on the same server, for a test that needs one of its own. */
    public String another(String hint) {
        return TestPostgres.newDatabase(hint);
    }
}
