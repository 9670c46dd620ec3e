-- What was sent under a submission key, as a digest salted with the key itself
-- (which is never stored), so a form resent with changes is recognised without
-- keeping the answers readable: a database reader cannot test guesses.
ALTER TABLE applications ADD COLUMN submission_digest bytea;
ALTER TABLE drafts ADD COLUMN held_submission_digest bytea;
