package org.handoverbot.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word unigrams and bigrams of a question, plus the first word on its own: question words (متى، شوكت، وين)
 * mostly open the question, and the pair "كم قاعدة" says more than either word.
 * The parameters are fixed here because OpenNLP re-creates generators with the no-argument constructor
 * when it loads a model.
 */
public final class WordNGramFeatures implements FeatureGenerator {

    public WordNGramFeatures() {
        // the model loader needs exactly this constructor
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(words.length * 2 + 2);
        if (words.length == 0) {
            features.add("empty");
            return features;
        }
        features.add("first=" + words[0]);
        features.add("last=" + words[words.length - 1]);
        for (int i = 0; i < words.length; i++) {
            features.add("w=" + words[i]);
            if (i + 1 < words.length) {
                features.add("b=" + words[i] + "_" + words[i + 1]);
            }
        }
        return features;
    }
}
