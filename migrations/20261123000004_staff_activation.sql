-- One-time links for staff: activating a new account (setting a first password).
CREATE TABLE staff_tokens (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    purpose    text NOT NULL CHECK (purpose IN ('activation')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX staff_tokens_user_idx ON staff_tokens (user_id);
