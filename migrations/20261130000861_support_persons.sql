-- A support person at the applicant's side (issue 19): the applicant names a
-- helper and ticks what they may do; the helper proves their address by a
-- mailed link and then has a link of their own. A grant belongs to a draft
-- until it is sent, then to the application (moved in the sending
-- transaction). `token_hash` is first the confirmation link's hash, then,
-- once confirmed, the helper's own link's. Revoked grants stay (the link then
-- answers 410 and the applicant's page keeps the history); erasure, the
-- retention purge and a purged draft delete them with what they belong to.
ALTER TABLE consent_texts DROP CONSTRAINT consent_texts_purpose_check;
ALTER TABLE consent_texts ADD CONSTRAINT consent_texts_purpose_check
    CHECK (purpose IN ('application', 'keep_for_later', 'support_person'));

CREATE TABLE support_grants (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id    bigint REFERENCES applications(id) ON DELETE CASCADE,
    draft_id          bigint REFERENCES drafts(id) ON DELETE CASCADE,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email             text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    may_read          boolean NOT NULL,
    may_edit_draft    boolean NOT NULL,
    may_mail_copies   boolean NOT NULL,
    may_attend        boolean NOT NULL,
    consent_text_id   bigint NOT NULL REFERENCES consent_texts(id),
    token_hash        bytea NOT NULL UNIQUE,
    created_at        timestamptz NOT NULL,
    confirm_expires_at timestamptz NOT NULL,
    confirmed_at      timestamptz,
    revoked_at        timestamptz,
    CHECK (num_nonnulls(application_id, draft_id) = 1),
    CHECK (may_read OR may_edit_draft OR may_mail_copies OR may_attend)
);
CREATE INDEX support_grants_application_idx ON support_grants (application_id) WHERE application_id IS NOT NULL;
CREATE INDEX support_grants_draft_idx ON support_grants (draft_id) WHERE draft_id IS NOT NULL;

-- Each use of a helper's link, shown to the applicant ("Mette Holm læste din
-- ansøgning den …") and exported with the application.
CREATE TABLE support_uses (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grant_id       bigint NOT NULL REFERENCES support_grants(id) ON DELETE CASCADE,
    application_id bigint REFERENCES applications(id) ON DELETE CASCADE,
    action         text NOT NULL CHECK (action IN ('read', 'opened_draft', 'edited_draft', 'mail_copy')),
    at             timestamptz NOT NULL
);
CREATE INDEX support_uses_grant_idx ON support_uses (grant_id, at);
CREATE INDEX support_uses_application_idx ON support_uses (application_id) WHERE application_id IS NOT NULL;

-- However a grant goes (erasure, retention, a purged draft), its link answers
-- 410 afterwards rather than "never issued".
CREATE FUNCTION support_grants_retire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO retired_tokens (token_hash, purpose, reason, retired_at)
    VALUES (OLD.token_hash, CASE WHEN OLD.confirmed_at IS NULL THEN 'support_confirm' ELSE 'support' END,
            'over', now())
    ON CONFLICT (token_hash) DO NOTHING;
    RETURN OLD;
END $$;
CREATE TRIGGER support_grants_retire BEFORE DELETE ON support_grants
    FOR EACH ROW EXECUTE FUNCTION support_grants_retire();
