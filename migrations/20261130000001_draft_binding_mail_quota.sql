-- A draft link proves only the address it was mailed to: that address never
-- changes afterwards (the application code no longer updates it).
--
-- A submit from an address that already applied is held as a draft with a
-- receipt number of its own, so the public answer looks the same whether or
-- not the address is known (whether someone applied is itself health data).
ALTER TABLE drafts
    ADD COLUMN held_submission_key_hash bytea UNIQUE,
    ADD COLUMN held_reference text CHECK (held_reference ~ '^[0-9]{4}-[0-9]{4,}$');

-- Mails to addresses that have not proven themselves, counted per hashed key
-- (an address or a client) in fixed windows; one atomic upsert per mail.
CREATE TABLE mail_quota (
    key_hash     bytea PRIMARY KEY,
    window_start timestamptz NOT NULL,
    used         integer NOT NULL CHECK (used > 0)
);
CREATE INDEX mail_quota_window_idx ON mail_quota (window_start);
