-- Sealed values are ciphertext, which does not compress: PostgreSQL's try
-- at compressing every long one (pglz, in the submit's transaction) is
-- wasted work. Every `*_sealed` column is stored out of line uncompressed.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT a.attrelid::regclass AS tbl, a.attname
        FROM pg_attribute a
        JOIN pg_class r ON r.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = current_schema() AND r.relkind = 'r' AND NOT a.attisdropped
          AND a.attname LIKE '%\_sealed' AND a.atttypid = 'bytea'::regtype
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STORAGE EXTERNAL', c.tbl, c.attname);
    END LOOP;
END $$;

-- The address prefix index (text_pattern_ops) answers `=` too: one index
-- fewer to update on every submit.
DROP INDEX applications_email_idx;

-- Since the counter commits on its own, before the submit that uses the
-- number (so that submits do not queue behind one row lock), a submit that
-- fails after taking its number leaves a gap.
COMMENT ON TABLE reference_counters IS
    'Last reference number handed out per year; taken in a short transaction of its own, so a failed submit leaves a gap (storage::applications::take_reference_number).';
