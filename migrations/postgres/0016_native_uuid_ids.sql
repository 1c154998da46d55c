-- Ids become Postgres' native uuid: 16 bytes compared as such, instead of 36 characters of text
-- (every group commit compares ids in the primary keys of sessions, events and members, and the
-- log's index holds one per event). The text of an id is what the API shows and what uuid's own
-- text form gives back, lower-case with hyphens, so nothing changes for clients. The foreign keys
-- between the converted columns go while their types differ and come back after.
--
-- Not ids: sessions.caller_id (a caller's address on its channel) and audit_records.terminal_id
-- (empty for actions of the command line) stay text.
ALTER TABLE terminal_groups DROP CONSTRAINT terminal_groups_terminal_id_fkey;
ALTER TABLE session_tokens DROP CONSTRAINT session_tokens_terminal_id_fkey;
ALTER TABLE terminal_limits DROP CONSTRAINT terminal_limits_terminal_id_fkey;
ALTER TABLE members DROP CONSTRAINT members_session_id_fkey;

ALTER TABLE terminals ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE sessions ALTER COLUMN id TYPE uuid USING id::uuid;
ALTER TABLE events ALTER COLUMN session_id TYPE uuid USING session_id::uuid,
                   ALTER COLUMN author TYPE uuid USING author::uuid;
ALTER TABLE members ALTER COLUMN terminal_id TYPE uuid USING terminal_id::uuid,
                    ALTER COLUMN session_id TYPE uuid USING session_id::uuid;
ALTER TABLE session_history ALTER COLUMN session_id TYPE uuid USING session_id::uuid;
ALTER TABLE presence ALTER COLUMN terminal_id TYPE uuid USING terminal_id::uuid,
                     ALTER COLUMN replica_id TYPE uuid USING replica_id::uuid;
ALTER TABLE replicas ALTER COLUMN replica_id TYPE uuid USING replica_id::uuid;
ALTER TABLE terminal_groups ALTER COLUMN terminal_id TYPE uuid USING terminal_id::uuid;
ALTER TABLE session_tokens ALTER COLUMN id TYPE uuid USING id::uuid,
                           ALTER COLUMN session_id TYPE uuid USING session_id::uuid,
                           ALTER COLUMN terminal_id TYPE uuid USING terminal_id::uuid;
ALTER TABLE terminal_limits ALTER COLUMN terminal_id TYPE uuid USING terminal_id::uuid;
ALTER TABLE audit_records ALTER COLUMN id TYPE uuid USING id::uuid;

ALTER TABLE terminal_groups ADD CONSTRAINT terminal_groups_terminal_id_fkey
    FOREIGN KEY (terminal_id) REFERENCES terminals (id);
ALTER TABLE session_tokens ADD CONSTRAINT session_tokens_terminal_id_fkey
    FOREIGN KEY (terminal_id) REFERENCES terminals (id);
ALTER TABLE terminal_limits ADD CONSTRAINT terminal_limits_terminal_id_fkey
    FOREIGN KEY (terminal_id) REFERENCES terminals (id);
ALTER TABLE members ADD CONSTRAINT members_session_id_fkey
    FOREIGN KEY (session_id) REFERENCES sessions (id);
