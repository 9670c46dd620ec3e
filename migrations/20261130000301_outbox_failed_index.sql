-- Coordinators see the mails given up on (count and newest first) on every
-- visit to the mail page; the index keeps that cheap however large the outbox.
CREATE INDEX mail_outbox_failed_idx ON mail_outbox (id) WHERE status = 'failed';
