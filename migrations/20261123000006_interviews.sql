-- Interviews: slots on the interview days, panels, invitations, bookings,
-- assessments. The database itself refuses a double booking.

ALTER TABLE intakes ADD COLUMN booking_cutoff_hours integer NOT NULL DEFAULT 24 CHECK (booking_cutoff_hours >= 0);

CREATE TABLE interview_slots (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id  bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
    place      text NOT NULL,
    UNIQUE (intake_id, starts_at)
);

CREATE TABLE interview_panel (
    slot_id bigint NOT NULL REFERENCES interview_slots(id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES staff_users(id),
    PRIMARY KEY (slot_id, user_id)
);
CREATE INDEX interview_panel_user_idx ON interview_panel (user_id);

-- One live booking link per application; a new invitation replaces it.
CREATE TABLE interview_invitations (
    application_id bigint PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
    token_hash     bytea NOT NULL UNIQUE,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);

CREATE TABLE interview_bookings (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id        bigint NOT NULL REFERENCES interview_slots(id),
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    accommodations text CHECK (length(accommodations) <= 2000),
    booked_at      timestamptz NOT NULL,
    cancelled_at   timestamptz,
    -- The applicant's reminder in the outbox, withdrawn if the booking changes.
    reminder_outbox_id bigint REFERENCES mail_outbox(id)
);
CREATE UNIQUE INDEX interview_bookings_one_per_slot ON interview_bookings (slot_id) WHERE cancelled_at IS NULL;
CREATE UNIQUE INDEX interview_bookings_one_per_application ON interview_bookings (application_id) WHERE cancelled_at IS NULL;

-- Each calendar change raises the application's event sequence (RFC 5545 SEQUENCE).
ALTER TABLE applications ADD COLUMN interview_sequence integer NOT NULL DEFAULT 0;

CREATE TABLE interview_assessments (
    application_id      bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    interviewer_id      bigint NOT NULL REFERENCES staff_users(id),
    no_show             boolean NOT NULL DEFAULT false,
    motivation          smallint CHECK (motivation BETWEEN 1 AND 4),
    reflection          smallint CHECK (reflection BETWEEN 1 AND 4),
    distance            smallint CHECK (distance BETWEEN 1 AND 4),
    competence_building smallint CHECK (competence_building BETWEEN 1 AND 4),
    notes               text CHECK (length(notes) <= 5000),
    recorded_at         timestamptz NOT NULL,
    PRIMARY KEY (application_id, interviewer_id)
);

CREATE TABLE follow_up_tasks (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('no_show')),
    created_at     timestamptz NOT NULL,
    done_at        timestamptz
);

-- Panel reminders: one row per member and day, so several instances send each once.
CREATE TABLE panel_reminders (
    user_id bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    day     date NOT NULL,
    sent_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, day)
);

ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'withdrawn'));
