-- Staff sign-in (sessions, TOTP, throttling), review (notes, history) and the audit log.

ALTER TABLE staff_users
    ADD COLUMN totp_secret bytea,
    -- The last TOTP time step accepted: a code works once.
    ADD COLUMN totp_last_step bigint,
    ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();

-- The cookie holds a random id; only its hash is stored.
CREATE TABLE staff_sessions (
    id_hash      bytea PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    mfa_done     boolean NOT NULL DEFAULT false,
    -- TOTP secret and recovery codes shown during enrolment, not yet confirmed.
    pending_totp_secret bytea,
    pending_recovery_hashes bytea[],
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);

CREATE TABLE recovery_codes (
    user_id   bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Failed sign-ins per key (a hashed e-mail address, or an IP address), so
-- that unknown and known addresses are throttled alike, across instances.
CREATE TABLE login_throttle (
    key_hash     bytea PRIMARY KEY,
    failures     integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz
);

CREATE TABLE application_notes (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    author_id      bigint NOT NULL REFERENCES staff_users(id),
    body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at     timestamptz NOT NULL
);
CREATE INDEX application_notes_application_idx ON application_notes (application_id, created_at);

CREATE TABLE application_status_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    from_status    text NOT NULL,
    to_status      text NOT NULL,
    reason         text,
    actor_id       bigint REFERENCES staff_users(id),
    at             timestamptz NOT NULL
);
CREATE INDEX application_status_history_application_idx ON application_status_history (application_id, at);

-- Who did what, when. No health answers in here.
CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_id       bigint REFERENCES staff_users(id),
    action         text NOT NULL,
    application_id bigint,
    detail         jsonb NOT NULL DEFAULT '{}',
    request_id     text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_application_idx ON audit_log (application_id, at DESC) WHERE application_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);

-- Insert-only: rows are never changed, and removed only by the retention
-- purge, which says so for its own transaction.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('optag.retention_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Staff list filters and free-text search.
CREATE INDEX applications_status_idx ON applications (status, submitted_at DESC);
CREATE INDEX applications_email_idx ON applications (email_normalised);
CREATE INDEX applications_name_idx ON applications (lower(full_name) text_pattern_ops);
