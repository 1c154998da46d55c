-- An acknowledgement used to be stored as sent, even ahead of the log; a stream resuming from it
-- then waited for events that had already been committed. Acknowledgements are now kept within
-- the last event the terminal may be shown (where it left, else the end of the log); this brings
-- rows stored earlier within the same bound.
UPDATE members
SET acked_seq = COALESCE(left_seq, (SELECT s.last_seq FROM sessions s WHERE s.id = members.session_id))
WHERE acked_seq > COALESCE(left_seq, (SELECT s.last_seq FROM sessions s WHERE s.id = members.session_id));
