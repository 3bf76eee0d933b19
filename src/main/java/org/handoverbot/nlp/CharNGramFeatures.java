package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Character 2- to 4-grams inside each word, with ^ and $ marking the word's edges. They let the classifier see
 * ليش in وليش, تسليم in والتسليم, and a misspelled word through the parts it shares with the right one.
 * Entity placeholders (upper-case Latin) are left to the word features.
 * Parameters fixed in the no-argument constructor, which is the one OpenNLP uses when it loads a model.
 */
public final class CharNGramFeatures implements opennlp.tools.doccat.FeatureGenerator {

    private static final int MIN = 2;
    private static final int MAX = 4;

    public CharNGramFeatures() {
        // the model loader needs exactly this constructor
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        // "c=" and the n-gram written into one reused buffer: one string a feature, not a substring and a concat.
        StringBuilder feature = new StringBuilder(2 + MAX).append("c=");
        for (String word : words) {
            if (QuestionTokens.isPlaceholder(word)) {
                continue;
            }
            String marked = "^" + word + "$";
            for (int n = MIN; n <= MAX; n++) {
                for (int start = 0; start + n <= marked.length(); start++) {
                    feature.setLength(2);
                    features.add(feature.append(marked, start, start + n).toString());
                }
            }
        }
        return features;
    }
}
