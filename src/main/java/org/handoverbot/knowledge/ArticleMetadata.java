package org.handoverbot.knowledge;

import java.time.LocalDate;

/** What the FILE.json beside an article says of it. url is null where unknown. */
public record ArticleMetadata(String publisher, LocalDate published, String title, String url, String language) {
}
