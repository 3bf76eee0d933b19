package org.handoverbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.handoverbot.nlp.EntityKind;
import org.handoverbot.nlp.Gazetteer;
import org.handoverbot.nlp.Mention;

/**
 * Reads an Arabic news article into events, sources and quotes, by rule, from its own words: nothing is
 * typed in by hand. Every evidence sentence and every quote is a verbatim piece of the text. The voices of
 * the «…» come from {@link QuoteVoices}, the events from {@link EventRules}. Stateless; thread-safe.
 */
public final class ArticleExtractor {

    private final Gazetteer gazetteer;
    private final QuoteVoices voices;
    private final EventRules rules;

    public ArticleExtractor(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.voices = new QuoteVoices(gazetteer);
        this.rules = new EventRules(gazetteer);
    }

    Extraction extract(String text, ArticleMetadata meta) {
        List<Sentence> sentences = Sentence.split(text);
        List<List<Mention>> mentions = new ArrayList<>();
        for (Sentence s : sentences) {
            mentions.add(gazetteer.findInWords(s.words()));
        }
        List<List<QuoteVoices.QuoteSpan>> quotes = voices.spans(sentences,
                new ArticleSpeakers(sentences, mentions, gazetteer));
        List<EventDraft> events = rules.events(sentences, mentions, quotes, meta);

        Set<String> doneBases = new LinkedHashSet<>();
        Set<String> allBases = new LinkedHashSet<>();
        for (EventDraft e : events) {
            if (e.baseId() != null) {
                allBases.add(e.baseId());
                if (e.kind() == EventKind.HANDOVER && e.status() == EventStatus.DONE) {
                    doneBases.add(e.baseId());
                }
            }
        }
        List<QuoteDraft> quoteDrafts = new ArrayList<>();
        for (Sentence s : sentences) {
            for (QuoteVoices.QuoteSpan q : quotes.get(s.index())) {
                String words = q.words(s.text());
                // the bases the sentence names; else those whose handover the article tells as done
                List<String> bases = new ArrayList<>(new LinkedHashSet<>(mentions.get(s.index()).stream()
                        .filter(m -> m.entry().kind() == EntityKind.BASE).map(m -> m.entry().id()).toList()));
                if (bases.isEmpty()) {
                    bases.addAll(doneBases.isEmpty() ? allBases : doneBases);
                }
                quoteDrafts.add(new QuoteDraft(quoteDrafts.size(), q.voice().speakerId(), q.voice().name(),
                        q.voice().title(), words, QuoteVoices.topics(words), bases,
                        QuoteVoices.source(meta, q.voice(), s.text())));
            }
        }
        return new Extraction(events, quoteDrafts);
    }
}
