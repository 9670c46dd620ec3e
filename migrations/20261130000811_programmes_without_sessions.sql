-- Programmes as data (issue 16): a modular course, a year programme and a
-- recruitment have no weekly sessions of their own, so they keep no session
-- count or teaching weeks (0); a course with practicum still must have both,
-- and its weekdays.
ALTER TABLE programmes DROP CONSTRAINT programmes_teaching_weeks_check;
ALTER TABLE programmes DROP CONSTRAINT programmes_session_count_check;
ALTER TABLE programmes
    ADD CONSTRAINT programmes_teaching_weeks_check CHECK (teaching_weeks >= 0),
    ADD CONSTRAINT programmes_session_count_check CHECK (session_count BETWEEN 0 AND 200),
    ADD CONSTRAINT programmes_course_has_sessions CHECK (structure <> 'course_with_practicum' OR (
        session_count > 0 AND teaching_weeks > 0 AND cardinality(teaching_weekdays) > 0));
