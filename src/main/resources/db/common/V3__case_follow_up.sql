-- Case follow-up (issue 4). Status runs open -> receipt-sent -> answered -> closed.
ALTER TABLE cases ADD COLUMN reply_to TEXT;             -- where an answer to the partner goes
ALTER TABLE cases ADD COLUMN original_message_id TEXT;  -- the notice's Message-ID, for threading the answer
ALTER TABLE cases ADD COLUMN lists TEXT;                -- the recipient lists the notice went to (comma-separated)
ALTER TABLE cases ADD COLUMN due_at TEXT;               -- when a reply is due (null: none expected, e.g. planned)
ALTER TABLE cases ADD COLUMN answered_at TEXT;
ALTER TABLE cases ADD COLUMN answered_by TEXT;
ALTER TABLE cases ADD COLUMN closed_at TEXT;
ALTER TABLE cases ADD COLUMN note TEXT;
ALTER TABLE cases ADD COLUMN window_start TEXT;         -- planned downtime / incident window (ISO instants)
ALTER TABLE cases ADD COLUMN window_end TEXT;
ALTER TABLE cases ADD COLUMN notice_org TEXT;           -- lower-case key of the organisation the notice is about
CREATE INDEX cases_open ON cases (org, status, category, notice_org);
