-- PostgreSQL: nothing to do. The H2 migration of this number (db/vendor/h2) raises H2's identity caches, because
-- H2 records each new block of ids in a commit of its own, written to the file; PostgreSQL logs its sequences in
-- the write-ahead log with the transaction that uses them, so the same numbers stay on both, as the shared
-- history (PostgresMigrationsTest) expects.
SELECT 1;
