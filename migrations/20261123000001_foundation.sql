-- Programmes, intakes and what hangs off them; staff users; the mail outbox.

CREATE TABLE programmes (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name             text NOT NULL,
    -- Key of the eligibility profile in the domain module.
    profile          text NOT NULL,
    organiser        text NOT NULL,
    place            text NOT NULL,
    teaching_weeks   integer NOT NULL CHECK (teaching_weeks > 0),
    -- ISO weekdays, 1 = Monday.
    teaching_weekdays integer[] NOT NULL,
    session_starts   time NOT NULL,
    session_ends     time NOT NULL CHECK (session_ends > session_starts),
    session_count    integer NOT NULL CHECK (session_count > 0),
    practicum_weeks  integer NOT NULL CHECK (practicum_weeks >= 0),
    practicum_hours_per_week integer NOT NULL CHECK (practicum_hours_per_week >= 0),
    capacity         integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    home_region      text NOT NULL,
    out_of_region_fee_dkk integer,
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intakes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id   bigint NOT NULL REFERENCES programmes(id),
    slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name           text NOT NULL,
    opens_at       timestamptz NOT NULL,
    deadline       timestamptz NOT NULL CHECK (deadline > opens_at),
    start_date     date NOT NULL,
    interview_days date[] NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intakes_open_idx ON intakes (deadline, opens_at);

CREATE TABLE info_meetings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id  bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
    place      text NOT NULL,
    capacity   integer NOT NULL CHECK (capacity > 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX info_meetings_intake_idx ON info_meetings (intake_id, starts_at);
CREATE INDEX info_meetings_starts_idx ON info_meetings (starts_at);

CREATE TABLE cohorts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id  bigint NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    name       text NOT NULL,
    start_date date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (intake_id, name)
);

CREATE TABLE staff_users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'coordinator', 'interviewer')),
    password_hash text NOT NULL,
    disabled_at   timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (lower(email));

-- Every e-mail is written here in the transaction of the change that causes
-- it; the worker delivers it. A row is claimed ('sending') before the send and
-- never claimed again from that state, so no row is ever sent twice.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      text NOT NULL UNIQUE,
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body_text       text NOT NULL,
    body_html       text NOT NULL,
    -- [{"filename": "...", "content_type": "text/calendar; ...", "content": "..."}]
    attachments     jsonb NOT NULL DEFAULT '[]',
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_sending_idx ON mail_outbox (claimed_at) WHERE status = 'sending';
