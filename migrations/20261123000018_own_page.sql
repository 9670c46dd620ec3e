-- Links to an applicant's own page (status, data, export, withdrawal, erasure).
-- Stored as hashes; each expires, and a fresh one can be asked for by e-mail.
CREATE TABLE applicant_links (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX applicant_links_application_idx ON applicant_links (application_id, created_at DESC);
-- "Send me my link again" looks applications up by address across intakes:
-- applications_email_idx (text_pattern_ops) serves equality too.
