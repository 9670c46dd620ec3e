-- The throttle now reserves a try before the secret is checked (and gives it
-- back when the secret was right), so the counter holds tries, not failures.
ALTER TABLE login_throttle RENAME COLUMN failures TO attempts;
