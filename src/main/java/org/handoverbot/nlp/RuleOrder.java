package org.handoverbot.nlp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules tried in order for the first that matches anywhere in a question (the relation rules, the kind rules…).
 * Each rule turns a token away by its own look-up, so trying every rule cost a look-up per rule and token. Here
 * the rules that could start at each form are known at load: a question's tokens are looked up once, and only the
 * rules that have an alternative starting at one of them are tried, in order. The same first match: a rule with
 * no alternative starting at any token finds nothing ({@link FrameRules.Rule#find}).
 */
final class RuleOrder {

    private final List<FrameRules.Rule> rules;
    /** By word form, the rules (bit r: rules.get(r)) with an alternative whose first word has that form. */
    private final Map<String, Long> byForm = new HashMap<>();
    /** The rules with an alternative that starts with a slot. */
    private final long atSlot;

    RuleOrder(List<FrameRules.Rule> rules) {
        this.rules = List.copyOf(rules);
        long slots = 0;
        for (int r = 0; r < this.rules.size() && r < Long.SIZE; r++) {
            FrameRules.Rule rule = this.rules.get(r);
            long bit = 1L << r;
            if (!rule.starts().atSlot().isEmpty()) {
                slots |= bit;
            }
            for (String form : rule.starts().atWord().keySet()) {
                byForm.merge(form, bit, (a, b) -> a | b);
            }
        }
        this.atSlot = slots;
    }

    /** The match of the first rule, in order, that matches; null when none does. */
    FrameRules.Match first(List<QuestionTokens.Token> tokens) {
        if (rules.size() > Long.SIZE) {
            // more rules than bits: every rule is tried, as they are listed
            for (FrameRules.Rule rule : rules) {
                FrameRules.Match match = rule.find(tokens);
                if (match != null) {
                    return match;
                }
            }
            return null;
        }
        long possible = 0;
        for (int i = 0; i < tokens.size(); i++) {
            QuestionTokens.Token token = tokens.get(i);
            if (token.placeholder() != null) {
                possible |= atSlot;
            } else {
                Long those = byForm.get(token.text());
                possible |= those == null ? 0 : those;
            }
        }
        for (long left = possible; left != 0; left &= left - 1) {
            FrameRules.Match match = rules.get(Long.numberOfTrailingZeros(left)).find(tokens);
            if (match != null) {
                return match;
            }
        }
        return null;
    }
}
