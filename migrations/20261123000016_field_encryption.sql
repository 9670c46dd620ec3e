-- Field encryption (src/sealing.rs): health facts, reflective answers, the
-- eligibility breakdown and drafts are stored sealed with a key derived from
-- OPTAG_SECRET_KEY. The jsonb columns only hold rows written before this
-- migration; the server seals those at start-up and empties the columns.

-- Which server secret sealed which version; the fingerprint is an HKDF output,
-- not the key. A server whose secret is not listed refuses to start while data
-- sealed under another version exists.
CREATE TABLE field_keys (
    version     smallint PRIMARY KEY CHECK (version > 0),
    fingerprint bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE applications
    ADD COLUMN facts_sealed       bytea,
    ADD COLUMN answers_sealed     bytea,
    ADD COLUMN eligibility_sealed bytea,
    -- Set when the applicant withdrew: the health answers are gone for good.
    ADD COLUMN health_erased_at   timestamptz,
    ALTER COLUMN facts DROP NOT NULL,
    ALTER COLUMN answers DROP NOT NULL,
    ALTER COLUMN eligibility DROP NOT NULL;

ALTER TABLE drafts
    ADD COLUMN fields_sealed bytea,
    ALTER COLUMN fields DROP NOT NULL;
