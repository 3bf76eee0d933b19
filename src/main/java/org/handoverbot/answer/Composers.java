package org.handoverbot.answer;

import org.handoverbot.knowledge.KnowledgeBase;

/**
 * The composers over one knowledge model. Each message takes the model once and answers wholly from it, so an
 * answer in flight when the knowledge is replaced finishes on the model it started with.
 */
record Composers(KnowledgeBase model, EventQueries queries, FactReplies facts, QuoteReplies quotes,
                 TimelineReplies timeline, ServiceReplies service) {
}
