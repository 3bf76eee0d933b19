package org.handoverbot.knowledge;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The news-style test articles under src/test/resources/articles (our own sentences). */
final class Articles {

    private Articles() {
    }

    static Path path(String file) {
        try {
            return Path.of(Articles.class.getResource("/articles/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test article missing: " + file, e);
        }
    }

    static ArticleInput read(String txt) {
        return InputFiles.article(path(txt));
    }
}
