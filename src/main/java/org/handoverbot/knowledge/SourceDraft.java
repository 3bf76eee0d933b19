package org.handoverbot.knowledge;

import java.time.LocalDate;

/** A source before it is stored: see {@link Source}. The article id is given when it is written. */
record SourceDraft(String publisher, LocalDate published, String url, String citedSource, String citedSpeaker,
                   String evidence) {

    /** Same citation: same report and same cited voice (two sentences of one voice are one source). */
    boolean sameCitation(SourceDraft other) {
        return java.util.Objects.equals(publisher, other.publisher)
                && java.util.Objects.equals(published, other.published)
                && java.util.Objects.equals(url, other.url)
                && java.util.Objects.equals(citedSource, other.citedSource)
                && java.util.Objects.equals(citedSpeaker, other.citedSpeaker);
    }
}
