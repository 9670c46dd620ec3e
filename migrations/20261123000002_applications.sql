-- Applications, their drafts, and the per-year reference counter.

-- One row per year; incremented inside the submitting transaction, so a
-- reference is never skipped (a rollback undoes the increment) or repeated.
CREATE TABLE reference_counters (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

CREATE TABLE applications (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id           bigint NOT NULL REFERENCES intakes(id),
    reference           text NOT NULL UNIQUE CHECK (reference ~ '^[0-9]{4}-[0-9]{4,}$'),
    status              text NOT NULL DEFAULT 'submitted' CHECK (status IN
                        ('submitted', 'invited', 'interviewed', 'offered', 'admitted',
                         'waitlisted', 'declined', 'rejected', 'withdrawn')),
    full_name           text NOT NULL,
    email               text NOT NULL,
    email_normalised    text NOT NULL,
    phone               text,
    birth_date          date NOT NULL,
    municipality_code   smallint NOT NULL,
    -- Health facts and reflective answers (special-category data).
    facts               jsonb NOT NULL,
    answers             jsonb NOT NULL,
    -- The eligibility assessment as it was at submission.
    eligibility         jsonb NOT NULL,
    eligibility_summary text NOT NULL CHECK (eligibility_summary IN ('no_concerns', 'to_verify', 'may_not_meet')),
    consent_version     text NOT NULL,
    consented_at        timestamptz NOT NULL,
    -- Hash of the key the form carried: a resent form finds its application.
    submission_key_hash bytea NOT NULL UNIQUE,
    submitted_at        timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT applications_one_per_email UNIQUE (intake_id, email_normalised)
);
CREATE INDEX applications_intake_status_idx ON applications (intake_id, status, submitted_at DESC);
CREATE INDEX applications_submitted_idx ON applications (submitted_at DESC);

-- A form saved part-way; opened again from a mailed link (token stored as a hash).
CREATE TABLE drafts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id   bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL UNIQUE,
    email       text NOT NULL,
    fields      jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX drafts_expires_idx ON drafts (expires_at);
