-- The seed files already stored, by the checksum of their bytes: a start skips reading and extracting a seed
-- whose files have not changed since (a changed seed is stored again; storing is idempotent either way).
CREATE TABLE seed_file (
    name       VARCHAR(500) PRIMARY KEY,
    sha256     VARCHAR(64)  NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- The builds of the program (jar path, size and time) whose migrations this schema is known to have: such a
-- build starts without listing its migrations or running Flyway (SchemaCheck).
CREATE TABLE schema_build (
    fingerprint  VARCHAR(1200) PRIMARY KEY,
    checked_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
