-- SQLite twin of migrations/postgres/0018_transfer_rules.sql.
-- Transfer rules: where a terminal, or the members of a group, may transfer sessions to. A
-- subject with a row in transfer_rule_subjects is restricted to its rows in
-- transfer_rule_targets (none: it may transfer nowhere); a subject without one is unrestricted.
-- A terminal with rules of its own follows those, else the union of its groups' rules.
--
-- Subjects and targets are text, not uuid: one column holds either a terminal id (its
-- lower-case hyphenated form, as the API normalises it) or a group name, told apart by the
-- *_kind column. So these tables add no uuid column, and a target may name a terminal that does
-- not exist yet (no foreign key to terminals). SQLite compares text byte-wise already.
CREATE TABLE transfer_rule_subjects (
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('terminal', 'group')),
    subject      TEXT NOT NULL,
    PRIMARY KEY (subject_kind, subject)
);

-- Both tables are read by subject (their primary key, or its prefix) on every Transfer.
CREATE TABLE transfer_rule_targets (
    subject_kind TEXT NOT NULL,
    subject      TEXT NOT NULL,
    target_kind  TEXT NOT NULL CHECK (target_kind IN ('terminal', 'group')),
    target       TEXT NOT NULL,
    PRIMARY KEY (subject_kind, subject, target_kind, target),
    FOREIGN KEY (subject_kind, subject) REFERENCES transfer_rule_subjects (subject_kind, subject)
);
