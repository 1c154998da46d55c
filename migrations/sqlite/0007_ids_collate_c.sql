-- SQLite twin of migrations/postgres/0007_ids_collate_c.sql: nothing to do, SQLite compares text
-- byte-wise (BINARY) unless told otherwise; the numbering stays aligned.
SELECT 1;
