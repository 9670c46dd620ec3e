-- Enrolment by an employer or a caseworker (http-contract.md, Version 2:
-- "Enrolment by an employer or a caseworker"). The enroller proves their own
-- address first; only then the person gets a link of their own, answers, and
-- (on accepting) fills in the application themselves from a prefilled draft.
-- A declined enrolment is deleted; an unanswered one expires (expires_at);
-- one that led to an application lives and dies with that application.
CREATE TABLE enrolments (
    id                           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id                    bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    enroller_kind                text NOT NULL CHECK (enroller_kind IN ('employer', 'caseworker')),
    organisation                 text NOT NULL,
    -- The organisation as pairs are matched: lower case, single spaces.
    organisation_key             text NOT NULL,
    enroller_name                text NOT NULL,
    enroller_email               text NOT NULL,
    participant_name             text NOT NULL,
    participant_email            text NOT NULL,
    participant_email_normalised text NOT NULL,
    peer_role                    text CHECK (peer_role IN ('paid_peer', 'volunteer_peer', 'colleague')),
    note_sealed                  bytea,
    status                       text NOT NULL CHECK (status IN ('pending', 'confirmed', 'accepted', 'submitted')),
    confirm_token_hash           bytea NOT NULL UNIQUE,
    participant_token_hash       bytea UNIQUE,
    draft_id                     bigint REFERENCES drafts(id) ON DELETE SET NULL,
    application_id               bigint REFERENCES applications(id) ON DELETE CASCADE,
    created_at                   timestamptz NOT NULL,
    confirmed_at                 timestamptz,
    answered_at                  timestamptz,
    -- NULL once the enrolment belongs to an application (it goes with it).
    expires_at                   timestamptz,
    CHECK ((peer_role IS NULL) = (enroller_kind = 'caseworker')),
    CHECK ((status = 'pending') = (participant_token_hash IS NULL)),
    CHECK ((status = 'submitted') = (application_id IS NOT NULL)),
    CHECK ((application_id IS NULL) = (expires_at IS NOT NULL))
);
-- One enrolment waiting for an answer per person and intake: a newer one replaces it.
CREATE UNIQUE INDEX enrolments_live_participant ON enrolments (intake_id, participant_email_normalised)
    WHERE status IN ('pending', 'confirmed');
CREATE INDEX enrolments_application_idx ON enrolments (application_id);
CREATE INDEX enrolments_draft_idx ON enrolments (draft_id);
CREATE INDEX enrolments_expires_idx ON enrolments (expires_at);
