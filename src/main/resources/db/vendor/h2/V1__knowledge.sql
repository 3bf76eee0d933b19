-- What the bot knows: articles as stored, the events they report, where each fact comes from, and the
-- quotes read from article texts. Every event reaches the user only through its sources.

CREATE TABLE article (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- sha256 of the text as stored: the same text ingested twice is recognised and adds nothing.
    sha256      CHAR(64)      NOT NULL UNIQUE,
    publisher   VARCHAR(300)  NOT NULL,
    published   DATE          NOT NULL,
    title       VARCHAR(2000),
    url         VARCHAR(2000),
    language    VARCHAR(20)   NOT NULL,
    body        CLOB          NOT NULL,
    file_name   VARCHAR(1000),
    stored_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    base_id         VARCHAR(100),
    from_party      VARCHAR(100),
    to_party        VARCHAR(100),
    event_date      DATE,
    complete        BOOLEAN,
    ordinal         INT,
    summary         VARCHAR(4000),
    linked_event_id BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT event_linked FOREIGN KEY (linked_event_id) REFERENCES event(id)
);
CREATE INDEX event_identity ON event(kind, status, base_id, event_date);

CREATE TABLE figure (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id  BIGINT       NOT NULL REFERENCES event(id),
    kind      VARCHAR(100) NOT NULL,
    amount    VARCHAR(100) NOT NULL,
    note      VARCHAR(1000),
    CONSTRAINT figure_once UNIQUE (event_id, kind, amount)
);

-- One citation: the report (an article we store, or a structured record's report) and whom it cites.
CREATE TABLE source (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id     BIGINT REFERENCES article(id),
    publisher      VARCHAR(300)  NOT NULL,
    published      DATE,
    url            VARCHAR(2000),
    cited_source   VARCHAR(500),
    cited_speaker  VARCHAR(500),
    -- the sentence the fact was read from, verbatim; null for structured records
    evidence       CLOB
);

CREATE TABLE event_source (
    event_id   BIGINT NOT NULL REFERENCES event(id),
    source_id  BIGINT NOT NULL REFERENCES source(id),
    PRIMARY KEY (event_id, source_id)
);

CREATE TABLE quote (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id     BIGINT        NOT NULL REFERENCES article(id),
    position       INT           NOT NULL,
    speaker_id     VARCHAR(100),
    speaker_name   VARCHAR(500),
    speaker_title  VARCHAR(1000),
    text           CLOB          NOT NULL,
    source_id      BIGINT        NOT NULL REFERENCES source(id),
    CONSTRAINT quote_position UNIQUE (article_id, position)
);

CREATE TABLE quote_topic (
    quote_id  BIGINT       NOT NULL REFERENCES quote(id),
    topic     VARCHAR(50)  NOT NULL,
    PRIMARY KEY (quote_id, topic)
);

CREATE TABLE quote_base (
    quote_id  BIGINT       NOT NULL REFERENCES quote(id),
    position  INT          NOT NULL,
    base_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (quote_id, base_id)
);
