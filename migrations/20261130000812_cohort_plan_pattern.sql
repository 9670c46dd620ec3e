-- A cohort keeps the teaching and practicum pattern its programme had when the
-- cohort was made (issue 16: a programme edited while intakes run keeps their
-- dates). NULL: a cohort made before this migration or by hand, which reads its
-- programme's pattern, as before; existing cohorts are filled in below.
ALTER TABLE cohorts
    ADD COLUMN plan_weekdays integer[],
    ADD COLUMN plan_session_starts time,
    ADD COLUMN plan_session_ends time,
    ADD COLUMN plan_session_count integer CHECK (plan_session_count BETWEEN 0 AND 200),
    ADD COLUMN plan_practicum_weeks integer CHECK (plan_practicum_weeks >= 0),
    ADD COLUMN plan_practicum_hours integer CHECK (plan_practicum_hours >= 0),
    ADD COLUMN plan_follow_ups integer CHECK (plan_follow_ups BETWEEN 0 AND 20),
    ADD COLUMN plan_supervisions integer CHECK (plan_supervisions BETWEEN 0 AND 20),
    ADD CONSTRAINT cohorts_plan_whole CHECK (
        (plan_weekdays IS NULL) = (plan_session_starts IS NULL)
        AND (plan_weekdays IS NULL) = (plan_session_ends IS NULL)
        AND (plan_weekdays IS NULL) = (plan_session_count IS NULL)
        AND (plan_weekdays IS NULL) = (plan_practicum_weeks IS NULL)
        AND (plan_weekdays IS NULL) = (plan_practicum_hours IS NULL)
        AND (plan_weekdays IS NULL) = (plan_follow_ups IS NULL)
        AND (plan_weekdays IS NULL) = (plan_supervisions IS NULL));

UPDATE cohorts c SET plan_weekdays = p.teaching_weekdays, plan_session_starts = p.session_starts,
    plan_session_ends = p.session_ends, plan_session_count = p.session_count,
    plan_practicum_weeks = p.practicum_weeks, plan_practicum_hours = p.practicum_hours_per_week,
    plan_follow_ups = p.follow_up_days, plan_supervisions = p.supervisions
FROM intakes i JOIN programmes p ON p.id = i.programme_id
WHERE i.id = c.intake_id;
