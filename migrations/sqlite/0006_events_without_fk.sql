-- SQLite twin of migrations/postgres/0006_events_without_fk.sql: nothing to do, SQLite never
-- enforced the foreign key (PRAGMA foreign_keys is off), and the numbering stays aligned.
SELECT 1;
