-- When each staff member last opened the overview (/admin): answers to offers
-- after it are shown as new.
ALTER TABLE staff_users ADD COLUMN overview_seen_at timestamptz;
CREATE INDEX cohort_offers_answered_idx ON cohort_offers (answered_at) WHERE status IN ('accepted', 'declined');
CREATE INDEX audit_log_viewed_idx ON audit_log (application_id) WHERE action = 'application_viewed';
