-- A coordinator's changes to a cohort's computed teaching plan.
CREATE TABLE session_changes (
    cohort_id      bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    session_number integer NOT NULL CHECK (session_number >= 1),
    new_date       date,
    new_starts     time,
    new_ends       time,
    cancelled      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (cohort_id, session_number),
    CHECK (cancelled OR (new_date IS NOT NULL AND new_starts IS NOT NULL AND new_ends > new_starts))
);

CREATE TABLE extra_sessions (
    cohort_id      bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    session_number integer NOT NULL CHECK (session_number >= 1),
    date           date NOT NULL,
    starts         time NOT NULL,
    ends           time NOT NULL CHECK (ends > starts),
    PRIMARY KEY (cohort_id, session_number)
);
