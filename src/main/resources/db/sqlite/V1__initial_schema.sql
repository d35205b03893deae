-- Watcher position per organisation mailbox.
CREATE TABLE mailbox_state (
    org          TEXT PRIMARY KEY,
    uidvalidity  INTEGER NOT NULL,
    last_uid     INTEGER NOT NULL,
    updated_at   TEXT NOT NULL
);

-- One row per message seen. Only metadata is kept: never the body, which may hold patient data.
CREATE TABLE messages (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    org          TEXT NOT NULL,
    uidvalidity  INTEGER NOT NULL,
    uid          INTEGER NOT NULL,
    message_key  TEXT NOT NULL,
    sender       TEXT,
    subject      TEXT,
    category     TEXT,
    automatic    TEXT,
    status       TEXT NOT NULL CHECK (status IN ('processed', 'quarantined', 'duplicate')),
    reason       TEXT,
    case_ref     TEXT,
    received_at  TEXT NOT NULL,
    UNIQUE (org, uidvalidity, uid)
);
CREATE UNIQUE INDEX messages_key ON messages (org, message_key) WHERE status <> 'duplicate';

CREATE TABLE cases (
    ref          TEXT PRIMARY KEY,
    org          TEXT NOT NULL,
    category     TEXT NOT NULL,
    subject      TEXT,
    sender       TEXT,
    status       TEXT NOT NULL,
    opened_at    TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Every Message-ID that belongs to a case (incoming and our own), so replies thread onto it.
CREATE TABLE case_threads (
    org          TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    case_ref     TEXT NOT NULL REFERENCES cases (ref),
    PRIMARY KEY (org, message_id)
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    org             TEXT NOT NULL,
    kind            TEXT NOT NULL,
    dedupe_key      TEXT NOT NULL UNIQUE,
    case_ref        TEXT,
    message_id      TEXT NOT NULL,
    envelope_from   TEXT NOT NULL,
    recipients      TEXT NOT NULL,
    raw             BLOB,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_receipts ON outbox (org, kind, recipients, created_at);

CREATE TABLE audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    org          TEXT NOT NULL,
    case_ref     TEXT,
    message_key  TEXT,
    event        TEXT NOT NULL,
    detail       TEXT
);
CREATE INDEX audit_case ON audit (case_ref);
