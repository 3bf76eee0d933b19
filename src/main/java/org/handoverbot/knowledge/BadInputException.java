package org.handoverbot.knowledge;

/** A file given to ingest cannot be read as an article or records file; the message names file and problem. */
public final class BadInputException extends RuntimeException {

    public BadInputException(String file, String problem) {
        super(file + ": " + problem);
    }
}
