-- Cohorts: seats, offers and the waiting list. A seat number is unique among
-- the live offers of a cohort and never above its capacity: together with
-- the cohort row lock this keeps a cohort at most full, whatever arrives at once.
ALTER TABLE cohorts
    ADD COLUMN capacity integer NOT NULL DEFAULT 8 CHECK (capacity BETWEEN 1 AND 100),
    ADD COLUMN school_holidays date[] NOT NULL DEFAULT '{}';

CREATE TABLE cohort_offers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id      bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    seat           integer NOT NULL CHECK (seat BETWEEN 1 AND 100),
    status         text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'expired')),
    token_hash     bytea NOT NULL UNIQUE,
    offered_at     timestamptz NOT NULL,
    answer_by      timestamptz NOT NULL,
    answered_at    timestamptz
);
CREATE UNIQUE INDEX cohort_offers_live_seat ON cohort_offers (cohort_id, seat) WHERE status IN ('offered', 'accepted');
CREATE UNIQUE INDEX cohort_offers_live_application ON cohort_offers (application_id) WHERE status IN ('offered', 'accepted');

CREATE TABLE waiting_list (
    intake_id      bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    application_id bigint NOT NULL UNIQUE REFERENCES applications(id) ON DELETE CASCADE,
    position       integer NOT NULL,
    added_at       timestamptz NOT NULL,
    PRIMARY KEY (intake_id, application_id)
);
CREATE INDEX waiting_list_order_idx ON waiting_list (intake_id, position);
