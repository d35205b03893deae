-- Issue 16: a mail to several recipients with the same content (a notice's staff copies) is stored
-- once; each recipient keeps its own outbox row (its own key, status and audit) that refers to it.
CREATE TABLE outbox_bodies (
    body_key TEXT PRIMARY KEY,
    raw      BLOB NOT NULL
);
ALTER TABLE outbox ADD COLUMN body_key TEXT;
CREATE INDEX outbox_body ON outbox (body_key) WHERE body_key IS NOT NULL;
