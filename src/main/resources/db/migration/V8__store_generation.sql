-- How many commits the database has taken: counted up as the last write of every transaction and copied,
-- after the commit, into a record beside the H2 file (NAME.census). A start that finds the database behind
-- its record knows the file lost commits that were reported done (cut, emptied, rolled back) and refuses it.
CREATE TABLE store_generation (
    id          INT PRIMARY KEY,
    generation  BIGINT NOT NULL
);
INSERT INTO store_generation (id, generation) VALUES (1, 0);
