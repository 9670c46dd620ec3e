-- A participant's own calendar feed (secret link), released rejection
-- letters, and practicum placements.
ALTER TABLE cohort_offers ADD COLUMN feed_token_hash bytea UNIQUE;
ALTER TABLE applications ADD COLUMN decision_released_at timestamptz;

CREATE TABLE placements (
    cohort_id        bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    application_id   bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    site_name        text NOT NULL,
    site_kind        text NOT NULL CHECK (site_kind IN ('regional', 'municipal')),
    address          text NOT NULL,
    contact          text,
    supervisor_name  text NOT NULL,
    supervisor_email text NOT NULL,
    supervisor_phone text,
    confirmed_at     timestamptz,
    PRIMARY KEY (cohort_id, application_id)
);
