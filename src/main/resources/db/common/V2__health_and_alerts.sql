-- How a mail leaves: through the organisation's own SMTP ('org') or the global fallback ('fallback').
ALTER TABLE outbox ADD COLUMN via TEXT NOT NULL DEFAULT 'org';

-- One row per problem an organisation has right now; deleted (with an all-clear) when it is gone.
CREATE TABLE alerts (
    org          TEXT NOT NULL,
    problem      TEXT NOT NULL,
    since        TEXT NOT NULL,
    detail       TEXT,
    last_sent    TEXT NOT NULL,
    sent_count   INTEGER NOT NULL,
    PRIMARY KEY (org, problem)
);

-- The last health snapshot per organisation, written by the running service for `status`.
CREATE TABLE health (
    org            TEXT PRIMARY KEY,
    last_watched   TEXT,
    last_smtp_ok   TEXT,
    mailbox_error  TEXT,
    smtp_error     TEXT,
    updated_at     TEXT NOT NULL
);
