package org.handoverbot.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** An article's text (as stored, verbatim) and its metadata, with the name it came under for messages. */
public record ArticleInput(String name, String text, ArticleMetadata metadata) {

    public ArticleInput {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        Objects.requireNonNull(metadata);
    }

    /** The fingerprint that makes the same text ingested twice one article. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
