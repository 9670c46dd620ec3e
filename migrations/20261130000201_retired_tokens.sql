-- Link tokens that no longer work, kept so that their links can say why
-- (410) instead of "never heard of it" (404): replaced by a newer link, used,
-- expired and deleted, or their purpose is over. Only the hash is kept, with
-- the kind of link it was; nothing that points to a person.
CREATE TABLE retired_tokens (
    token_hash bytea PRIMARY KEY,
    purpose    text NOT NULL,
    reason     text NOT NULL CHECK (reason IN ('superseded', 'used', 'expired', 'over')),
    retired_at timestamptz NOT NULL
);
CREATE INDEX retired_tokens_retired_at_idx ON retired_tokens (retired_at);

-- An admitted participant who withdraws gives the seat back: the accepted
-- place becomes 'withdrawn' (no longer a live seat).
ALTER TABLE cohort_offers DROP CONSTRAINT cohort_offers_status_check;
ALTER TABLE cohort_offers ADD CONSTRAINT cohort_offers_status_check
    CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn'));
