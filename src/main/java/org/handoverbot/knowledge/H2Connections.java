package org.handoverbot.knowledge;

import org.h2.jdbcx.JdbcConnectionPool;

/**
 * H2's side of {@link Database}: its own small connection pool over the file (AUTO_SERVER=TRUE in the URL lets
 * a second process use the file while the bot holds it). H2-only settings and checks belong here.
 */
final class H2Connections {

    static final String DEFAULT_USER = "sa";

    private H2Connections() {
    }

    static Database open(DatabaseAddress address, Database.Opened opened) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(address.url(), address.user().orElse(DEFAULT_USER),
                address.password().orElse(""));
        pool.setMaxConnections(32);
        return opened.of(pool, Vendor.H2, pool::dispose);
    }
}
