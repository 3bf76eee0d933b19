package org.handoverbot.nlp;

public enum EntityKind {
    BASE, PERSON, ORGANISATION, PROVINCE
}
