-- The staff list's "to verify" filter (from the overview) is an expression no
-- other index serves: without this, its page and its count read every row.
-- The predicate is the filter's condition word for word, so the planner can
-- prove it from the query and count from this index alone.
CREATE INDEX applications_to_verify_idx ON applications (submitted_at DESC, id DESC)
    WHERE status NOT IN ('rejected', 'withdrawn', 'declined')
      AND coalesce(open_verifications, CASE WHEN eligibility_summary = 'to_verify' THEN 1 ELSE 0 END) > 0;
