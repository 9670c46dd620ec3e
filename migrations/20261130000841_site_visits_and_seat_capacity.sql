-- Visits to a year-programme participant's practicum site (MB-forløbet, seed
-- 003_...: "minimum tre gange i praktiktiden som regel sammen med vejlederen"):
-- planned with a day and a time, then recorded as held by a staff member. The
-- note may mention people, so it is sealed like staff notes.
CREATE TABLE site_visits (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id       bigint NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
    application_id  bigint NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    day             date NOT NULL,
    starts          time NOT NULL,
    ends            time NOT NULL,
    with_supervisor boolean NOT NULL DEFAULT true,
    note_sealed     bytea,
    planned_by      bigint REFERENCES staff_users(id) ON DELETE SET NULL,
    planned_at      timestamptz NOT NULL,
    held_at         timestamptz,
    held_by         bigint REFERENCES staff_users(id) ON DELETE SET NULL,
    CONSTRAINT site_visits_ends_after_start CHECK (ends > starts),
    CONSTRAINT site_visits_held_by_needs_held_at CHECK (held_by IS NULL OR held_at IS NOT NULL),
    CONSTRAINT site_visits_once UNIQUE (application_id, day, starts)
);
CREATE INDEX site_visits_cohort_idx ON site_visits (cohort_id, application_id, day);

-- A live seat is never above its cohort's capacity (for a recruitment: the
-- number of positions). With the unique live-seat index this makes the
-- database refuse more live offers than seats, whatever the code above it does.
CREATE FUNCTION cohort_offers_seat_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IN ('offered', 'accepted')
        AND NEW.seat > (SELECT capacity FROM cohorts WHERE id = NEW.cohort_id) THEN
        RAISE EXCEPTION 'seat % is above the capacity of cohort %', NEW.seat, NEW.cohort_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'cohort_offers_seat_within_capacity';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER cohort_offers_seat_within_capacity BEFORE INSERT OR UPDATE OF seat, status ON cohort_offers
    FOR EACH ROW EXECUTE FUNCTION cohort_offers_seat_within_capacity();
