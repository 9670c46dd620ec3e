-- A recruitment's positions are its programme's capacity: its intake has one
-- cohort (the positions) and no second one that would double them. The
-- intake row is locked first, so two cohorts created at once cannot both
-- pass. A cohort of the same name is the upsert of the existing one.
CREATE FUNCTION cohorts_one_per_recruitment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM intakes WHERE id = NEW.intake_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM intakes i JOIN programmes p ON p.id = i.programme_id
               WHERE i.id = NEW.intake_id AND p.structure = 'recruitment')
        AND EXISTS (SELECT 1 FROM cohorts c WHERE c.intake_id = NEW.intake_id AND c.name <> NEW.name) THEN
        RAISE EXCEPTION 'intake % of a recruitment has its positions already', NEW.intake_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'cohorts_one_per_recruitment';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER cohorts_one_per_recruitment BEFORE INSERT ON cohorts
    FOR EACH ROW EXECUTE FUNCTION cohorts_one_per_recruitment();
