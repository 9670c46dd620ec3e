-- The staff's reason for a change of status and a sign-up's note are free text
-- that can hold health data: sealed like staff notes (plain columns only hold
-- rows from before, sealed by servers at start).
ALTER TABLE application_status_history ADD COLUMN reason_sealed bytea;
ALTER TABLE info_meeting_signups ADD COLUMN note_sealed bytea;
