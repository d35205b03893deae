-- A partner writing again on an answered case reopens it (issue 4's follow-up): each reopening
-- starts a new round, whose reminders and escalation have their own outbox keys.
ALTER TABLE cases ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
