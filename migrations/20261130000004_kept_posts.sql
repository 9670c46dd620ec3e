-- What a staff member was doing when their session ended: the page they
-- asked for, or the form they sent (sealed: a note can hold health data), so
-- that after signing in again they return to it and nothing typed is lost.
CREATE TABLE kept_posts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash    bytea NOT NULL UNIQUE,
    user_id       bigint REFERENCES staff_users(id) ON DELETE CASCADE,
    path          text NOT NULL CHECK (path LIKE '/admin%' AND length(path) <= 2000),
    fields_sealed bytea,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX kept_posts_expires_idx ON kept_posts (expires_at);
