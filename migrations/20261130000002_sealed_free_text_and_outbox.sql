-- Free text that can hold health data (staff notes, what helps at the
-- interview, assessment notes) is sealed like the answers; the plain columns
-- only hold rows written before this migration, which servers seal at start.
ALTER TABLE application_notes
    ADD COLUMN body_sealed bytea,
    ALTER COLUMN body DROP NOT NULL;
ALTER TABLE interview_bookings ADD COLUMN accommodations_sealed bytea;
-- A row id for the sealed notes to be bound to.
ALTER TABLE interview_assessments
    ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    ADD COLUMN notes_sealed bytea;

-- Outbox bodies hold live links (own page, drafts, activation): sealed while
-- waiting, dropped once sent (subject, recipient, status and dates stay).
ALTER TABLE mail_outbox
    ADD COLUMN body_sealed bytea,
    ALTER COLUMN body_text DROP NOT NULL,
    ALTER COLUMN body_html DROP NOT NULL,
    ALTER COLUMN attachments DROP NOT NULL;
UPDATE mail_outbox SET body_text = NULL, body_html = NULL, attachments = NULL WHERE status IN ('sent', 'withdrawn');
