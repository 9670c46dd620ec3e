-- Programmes as data (issue 16): one of four structures with its parameters,
-- the programme's own contact, and "no home region" for programmes without one.
ALTER TABLE programmes
    ADD COLUMN structure text NOT NULL DEFAULT 'course_with_practicum'
        CHECK (structure IN ('course_with_practicum', 'modular_course', 'year_programme', 'recruitment')),
    ADD COLUMN follow_up_days integer NOT NULL DEFAULT 2 CHECK (follow_up_days BETWEEN 0 AND 20),
    ADD COLUMN supervisions integer NOT NULL DEFAULT 2 CHECK (supervisions BETWEEN 0 AND 20),
    ADD COLUMN intro_days_peer integer CHECK (intro_days_peer BETWEEN 0 AND 20),
    ADD COLUMN intro_days_colleague integer CHECK (intro_days_colleague BETWEEN 0 AND 20),
    ADD COLUMN module_hours integer CHECK (module_hours BETWEEN 1 AND 12),
    ADD COLUMN min_attendance_percent integer CHECK (min_attendance_percent BETWEEN 1 AND 100),
    ADD COLUMN complete_within_months integer CHECK (complete_within_months BETWEEN 1 AND 60),
    ADD COLUMN months integer CHECK (months BETWEEN 1 AND 36),
    ADD COLUMN site_visits integer CHECK (site_visits BETWEEN 0 AND 20),
    ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
    ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40),
    ADD CONSTRAINT programmes_modular_has_rules CHECK (structure <> 'modular_course' OR (
        intro_days_peer IS NOT NULL AND intro_days_colleague IS NOT NULL AND module_hours IS NOT NULL
        AND min_attendance_percent IS NOT NULL AND complete_within_months IS NOT NULL)),
    ADD CONSTRAINT programmes_year_has_rules CHECK (structure <> 'year_programme' OR (
        months IS NOT NULL AND site_visits IS NOT NULL));

-- Empty: a programme open to every region (no out-of-region approval).
ALTER TABLE programmes ADD CONSTRAINT programmes_home_region_known CHECK (
    home_region IN ('', 'hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'));
