-- The modular course (issue 16, Region H, seed 001_): modules of a cohort,
-- who signed up for which, and who was present.

-- The participant's role decides the intro days and which modules are
-- mandatory. Not health data, so a plain column beside the sealed facts.
ALTER TABLE applications ADD COLUMN peer_role text
    CHECK (peer_role IN ('paid_peer', 'volunteer_peer', 'colleague'));

CREATE TABLE cohort_modules (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id     bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    date          date NOT NULL,
    starts        time NOT NULL,
    ends          time NOT NULL CHECK (ends > starts),
    mandatory_for text[] NOT NULL DEFAULT '{}'
        CHECK (mandatory_for <@ ARRAY['paid_peer', 'volunteer_peer', 'colleague']::text[]),
    capacity      integer NOT NULL CHECK (capacity > 0),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cohort_modules_cohort ON cohort_modules (cohort_id, date, starts);

CREATE TABLE module_signups (
    module_id      bigint NOT NULL REFERENCES cohort_modules(id) ON DELETE CASCADE,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    signed_up_at   timestamptz NOT NULL,
    PRIMARY KEY (module_id, application_id)
);
CREATE INDEX module_signups_application ON module_signups (application_id);

-- A module never holds more sign-ups than its capacity, whichever instance
-- inserts: the module's row is locked, then its sign-ups counted.
CREATE FUNCTION module_signups_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cap integer;
    taken integer;
BEGIN
    SELECT capacity INTO cap FROM cohort_modules WHERE id = NEW.module_id FOR UPDATE;
    SELECT count(*) INTO taken FROM module_signups WHERE module_id = NEW.module_id;
    IF taken >= cap THEN
        RAISE EXCEPTION 'module % is full', NEW.module_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'module_signups_within_capacity';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER module_signups_within_capacity BEFORE INSERT ON module_signups
    FOR EACH ROW EXECUTE FUNCTION module_signups_within_capacity();

CREATE TABLE module_attendance (
    module_id      bigint NOT NULL REFERENCES cohort_modules(id) ON DELETE CASCADE,
    application_id bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    present        boolean NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (module_id, application_id)
);
CREATE INDEX module_attendance_application ON module_attendance (application_id);
