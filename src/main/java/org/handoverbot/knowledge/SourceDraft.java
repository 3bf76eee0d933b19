package org.handoverbot.knowledge;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A source before it is stored: see {@link Source}. The article id is given when it is written. citedVia is the
 * cited voice's own channel (a statement, a tweet), kept apart from citedSource, the intermediary.
 */
record SourceDraft(String publisher, LocalDate published, String url, String citedSource, String citedSpeaker,
                   String citedVia, String evidence) {

    SourceDraft(String publisher, LocalDate published, String url, String citedSource, String citedSpeaker,
                String evidence) {
        this(publisher, published, url, citedSource, citedSpeaker, null, evidence);
    }

    /** Same citation: same report and same cited voice (two sentences of one voice are one source). */
    boolean sameCitation(SourceDraft other) {
        return Objects.equals(publisher, other.publisher)
                && Objects.equals(published, other.published)
                && Objects.equals(url, other.url)
                && Objects.equals(citedSource, other.citedSource)
                && Objects.equals(citedSpeaker, other.citedSpeaker)
                && Objects.equals(citedVia, other.citedVia);
    }
}
