-- Personal sign-up links sent by staff, and people who asked to hear about
-- the next intake (double opt-in; every mail can unsubscribe them).
CREATE TABLE info_meeting_invitations (
    token_hash bytea PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES info_meetings(id) ON DELETE CASCADE,
    email      text NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE interest_subscribers (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email              text NOT NULL,
    email_normalised   text NOT NULL UNIQUE,
    status             text NOT NULL CHECK (status IN ('pending', 'subscribed', 'unsubscribed')),
    confirm_token_hash bytea UNIQUE,
    confirm_expires_at timestamptz,
    created_at         timestamptz NOT NULL,
    confirmed_at       timestamptz,
    unsubscribed_at    timestamptz
);

-- One unsubscribe link per mail sent, each stored as a hash.
CREATE TABLE unsubscribe_tokens (
    token_hash    bytea PRIMARY KEY,
    subscriber_id bigint NOT NULL REFERENCES interest_subscribers(id) ON DELETE CASCADE
);
