-- Every group commit rewrites the row of each session it touches (last_seq, changed_ms, and for
-- changes the snapshot). Those updates can be HOT (in place on the page, no new index entries)
-- when no indexed column changes and the page has room for the new version: changed_ms is now
-- kept to 500 ms (see store::CHANGE_MARK_MS), and this leaves a fifth of each page free for the
-- new versions. Applies to pages written from now on.
ALTER TABLE sessions SET (fillfactor = 80);
