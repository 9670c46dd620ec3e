-- A coordinator closing a criterion the pre-check left 'to verify'. Which
-- criterion, the verdict and the note are special-category data, so they are
-- sealed together (field 'eligibility_verifications.record'); who and when are not.
CREATE TABLE eligibility_verifications (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    actor_id       bigint REFERENCES staff_users(id) ON DELETE SET NULL,
    at             timestamptz NOT NULL,
    record_sealed  bytea NOT NULL
);
CREATE INDEX eligibility_verifications_application_idx ON eligibility_verifications (application_id, at);

-- How many criteria are still to verify, kept in the clear as a count only (the
-- summary already says as much) so the coordinator's overview can count them.
-- NULL for applications sent before this column: counted from their summary.
ALTER TABLE applications ADD COLUMN open_verifications smallint CHECK (open_verifications >= 0);
CREATE INDEX applications_open_verifications_idx ON applications (open_verifications) WHERE open_verifications > 0;
