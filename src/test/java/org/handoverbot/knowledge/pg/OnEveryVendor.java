package org.handoverbot.knowledge.pg;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.handoverbot.knowledge.Vendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test body run once per database vendor the bot supports, so H2 and PostgreSQL are held to the same
 * assertions by the same code: {@code @OnEveryVendor void x(Vendor vendor)}, with the database from
 * {@link TestDatabases#freshUrl}. A new {@link Vendor} is tested by every such test without further change.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(Vendor.class)
public @interface OnEveryVendor {
}
