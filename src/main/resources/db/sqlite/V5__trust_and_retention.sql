-- Issue 10. Secrets the store keeps for itself (the key of our Message-IDs); never logged.
CREATE TABLE secrets (
    name   TEXT PRIMARY KEY,
    value  BLOB NOT NULL
);
-- Who sent a message and a digest of its body: a duplicate is the same mail, not only the same Message-ID.
ALTER TABLE messages ADD COLUMN fingerprint TEXT;
CREATE INDEX messages_received ON messages (received_at);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX outbox_message_id ON outbox (message_id);
