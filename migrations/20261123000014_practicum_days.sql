-- The coordinator's own dates for the practicum's follow-up days and supervisions (empty: the defaults).
ALTER TABLE cohorts
    ADD COLUMN follow_up_days date[] NOT NULL DEFAULT '{}',
    ADD COLUMN supervision_days date[] NOT NULL DEFAULT '{}';
