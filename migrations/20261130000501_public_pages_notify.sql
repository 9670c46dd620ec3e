-- The public pages (front page, intake page, form, info-meeting page) are
-- cached per instance; every instance LISTENs on this channel and drops its
-- cache when anything those pages show changes. A trigger, not calls in the
-- code, so no write path (staff pages, jobs, sign-ups, psql) can be missed.
-- pg_notify is transactional: it is sent at commit, and not at all on rollback.
CREATE FUNCTION optag_public_pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('optag_public_pages', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programmes
    FOR EACH STATEMENT EXECUTE FUNCTION optag_public_pages_changed();
CREATE TRIGGER public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON intakes
    FOR EACH STATEMENT EXECUTE FUNCTION optag_public_pages_changed();
CREATE TRIGGER public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON info_meetings
    FOR EACH STATEMENT EXECUTE FUNCTION optag_public_pages_changed();
-- Seats left on a meeting's page come from its confirmed sign-ups.
CREATE TRIGGER public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON info_meeting_signups
    FOR EACH STATEMENT EXECUTE FUNCTION optag_public_pages_changed();
-- The school's contact stands in every public page's footer.
CREATE TRIGGER public_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION optag_public_pages_changed();
