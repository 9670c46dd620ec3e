-- Info meetings: sign-ups with double opt-in, seats counted on confirmed sign-ups.
ALTER TABLE info_meetings
    ADD COLUMN directions   text,
    ADD COLUMN cancelled_at timestamptz;

CREATE TABLE info_meeting_signups (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id         bigint NOT NULL REFERENCES info_meetings(id) ON DELETE CASCADE,
    name               text NOT NULL,
    email              text NOT NULL,
    email_normalised   text NOT NULL,
    note               text CHECK (length(note) <= 1000),
    status             text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    -- One token per purpose, stored as hashes.
    confirm_token_hash bytea NOT NULL UNIQUE,
    cancel_token_hash  bytea UNIQUE,
    -- An unconfirmed sign-up's link stops working at this time.
    confirm_expires_at timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    confirmed_at       timestamptz,
    cancelled_at       timestamptz,
    checked_in_at      timestamptz,
    calendar_sequence  integer NOT NULL DEFAULT 0,
    reminder_outbox_id bigint REFERENCES mail_outbox(id),
    UNIQUE (meeting_id, email_normalised)
);
CREATE INDEX info_meeting_signups_meeting_idx ON info_meeting_signups (meeting_id, status);
