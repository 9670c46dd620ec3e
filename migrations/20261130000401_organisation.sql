-- The school behind the site (GDPR Art. 13: the data controller and how to
-- reach it). At most one row; before an admin saves it, pages show no contact.
CREATE TABLE organisation (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address       text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
    contact_email text,
    contact_phone text,
    dpo_email     text,
    updated_at    timestamptz NOT NULL,
    updated_by    bigint REFERENCES staff_users(id) ON DELETE SET NULL,
    CHECK (contact_email IS NOT NULL OR contact_phone IS NOT NULL)
);
