package org.handoverbot.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.handoverbot.nlp.Gazetteer;

/**
 * `ingest --dry-run FILE…`: what a file would add, read and described, with no database opened and nothing
 * stored. Events carry the review reason that would hold them for an operator; quotes their speaker, title
 * and channels. A file that cannot be read fails as it would in a real ingest (BadInputException).
 */
public final class DryRun {

    private DryRun() {
    }

    public static List<String> lines(Path file, Gazetteer gazetteer) {
        List<String> out = new ArrayList<>();
        if (InputFiles.isRecordsFile(file)) {
            RecordsInput records = InputFiles.records(file);
            out.add(records.name() + ": would store " + records.events().size() + " record(s) (dry run, nothing stored)");
            for (EventDraft e : records.events()) {
                out.add("  event  " + describe(e));
            }
            return out;
        }
        ArticleInput article = InputFiles.article(file);
        Extraction x = new ArticleExtractor(gazetteer).extract(article.text(), article.metadata());
        out.add(article.name() + ": would store " + x.events().size() + " event(s) and " + x.quotes().size()
                + " quote(s) (dry run, nothing stored)");
        for (EventDraft e : x.events()) {
            out.add("  event  " + describe(e) + Review.reason(e).map(r -> " — to review: " + r).orElse(""));
            for (SourceDraft s : e.sources()) {
                out.add("         source " + credit(s));
            }
        }
        for (QuoteDraft q : x.quotes()) {
            out.add("  quote  " + (q.speakerName() == null ? "?" : q.speakerName())
                    + (q.speakerTitle() == null ? "" : " (" + q.speakerTitle() + ")")
                    + (q.source().citedVia() == null ? "" : " via " + q.source().citedVia())
                    + (q.source().citedSource() == null ? "" : " through " + q.source().citedSource())
                    + ": «" + (q.text().length() <= 60 ? q.text() : q.text().substring(0, 60) + "…") + "»");
        }
        return out;
    }

    private static String describe(EventDraft e) {
        return e.kind() + " " + e.status() + " " + (e.baseId() != null ? e.baseId()
                : e.baseName() != null ? "«" + e.baseName() + "» (unknown base)" : "-")
                + " " + (e.date() == null ? "date unknown" : e.date() + (e.dateFlag() == null ? "" : " (flagged: "
                + e.dateFlag() + ")"))
                + (e.fromParty() != null || e.toParty() != null ? " " + e.fromParty() + " -> " + e.toParty() : "");
    }

    private static String credit(SourceDraft s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.publisher());
        if (s.citedSpeaker() != null) {
            parts.add("speaker " + s.citedSpeaker());
        }
        if (s.citedVia() != null) {
            parts.add("via " + s.citedVia());
        }
        if (s.citedSource() != null) {
            parts.add("through " + s.citedSource());
        }
        return String.join(", ", parts);
    }
}
