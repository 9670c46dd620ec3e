-- Issue 17, item 9: the overview's one-click reminder to everyone invited to
-- interview who has not booked. When the last reminder went, so nobody is
-- reminded twice within a day (rule: domain::reminder::booking_reminder_due).
ALTER TABLE interview_invitations ADD COLUMN reminded_at timestamptz;
