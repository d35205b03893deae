-- Issues 11 and 13: what the console, the calendar feed and the monthly report show of a notice, and who did what.
ALTER TABLE cases ADD COLUMN partner TEXT;                          -- who sent the notice (name, else address)
ALTER TABLE cases ADD COLUMN organisation TEXT;                     -- the organisation it is about, as written
ALTER TABLE cases ADD COLUMN phone TEXT;                            -- the number for patient information
ALTER TABLE cases ADD COLUMN services TEXT;                         -- affected services, comma-separated
ALTER TABLE cases ADD COLUMN notice_text TEXT;                      -- the notice's text (capped), purged with the case
ALTER TABLE cases ADD COLUMN problems TEXT;                         -- where the notice fell short of the routine (Problem ids, comma-separated)
ALTER TABLE cases ADD COLUMN window_seq INTEGER NOT NULL DEFAULT 0; -- raised each time the window moves (iCalendar SEQUENCE)
ALTER TABLE cases ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0;  -- a planned stop that was called off
ALTER TABLE cases ADD COLUMN closed_by TEXT;                        -- the console user who closed it (null: the service)
ALTER TABLE audit ADD COLUMN actor TEXT;                            -- the console user (null: the service itself)

-- A quarantined message an administrator dealt with: 'released' (sent round again) or 'discarded'.
ALTER TABLE messages ADD COLUMN settled TEXT;
ALTER TABLE messages ADD COLUMN settled_by TEXT;
ALTER TABLE messages ADD COLUMN settled_at TEXT;
-- A released message comes back under its own key: its quarantine record no longer holds the key.
DROP INDEX messages_key;
CREATE UNIQUE INDEX messages_key ON messages (org, message_key) WHERE status <> 'duplicate' AND coalesce(settled, '') <> 'released';
