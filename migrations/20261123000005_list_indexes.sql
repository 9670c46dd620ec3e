-- The staff list: sorting by name, and finding an e-mail address by its start.
CREATE INDEX applications_name_order_idx ON applications (lower(full_name), id);
CREATE INDEX applications_email_prefix_idx ON applications (email_normalised text_pattern_ops);
-- Part of a name, anywhere in it: trigrams (pg_trgm is a trusted extension,
-- so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX applications_name_trgm_idx ON applications USING gin (lower(full_name) gin_trgm_ops);
