-- Every consent text an applicant could agree to, as shown, per language. A
-- changed text is a new version; the server refuses to record consent to a
-- text whose wording differs from the stored one under the same version.
CREATE TABLE consent_texts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose      text NOT NULL CHECK (purpose IN ('application', 'keep_for_later')),
    version      text NOT NULL,
    language     text NOT NULL CHECK (language IN ('da', 'en')),
    body         text NOT NULL,
    sha256       bytea NOT NULL,
    published_at timestamptz NOT NULL,
    UNIQUE (purpose, version, language)
);

ALTER TABLE applications
    ADD COLUMN consent_text_id   bigint REFERENCES consent_texts(id),
    -- The optional consent to be considered for a later intake too.
    ADD COLUMN keep_text_id      bigint REFERENCES consent_texts(id),
    ADD COLUMN keep_consented_at timestamptz,
    ADD CONSTRAINT applications_keep_consent_complete
        CHECK ((keep_text_id IS NULL) = (keep_consented_at IS NULL));
