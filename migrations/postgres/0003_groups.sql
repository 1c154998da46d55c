-- Groups of live agents / classes of terminals (claim 8): a transfer to a group is offered to
-- its attached members. Keyed by group first: the lookup is "who is in billing?".
CREATE TABLE terminal_groups (
    group_name  TEXT NOT NULL,
    terminal_id TEXT NOT NULL REFERENCES terminals (id),
    PRIMARY KEY (group_name, terminal_id)
);
CREATE INDEX terminal_groups_terminal ON terminal_groups (terminal_id);
