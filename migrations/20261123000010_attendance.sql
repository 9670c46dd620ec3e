-- Attendance per teaching session; some programmes require a share (Region H: 80%).
ALTER TABLE programmes ADD COLUMN attendance_threshold_percent integer CHECK (attendance_threshold_percent BETWEEN 1 AND 100);

CREATE TABLE attendance (
    cohort_id      bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    session_number integer NOT NULL CHECK (session_number >= 1),
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    present        boolean NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (cohort_id, session_number, application_id)
);
