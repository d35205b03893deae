-- Issue 15: more than one instance on one store (PostgreSQL).
-- Each organisation's mailbox is watched by the instance that holds its lease. `fence` rises with
-- every new holder; a write checks holder and fence, so an instance that froze and lost the lease
-- cannot record anything after it wakes. Times are the database's clock, in epoch milliseconds.
CREATE TABLE leases (
    name         TEXT PRIMARY KEY,
    holder       TEXT NOT NULL,
    fence        BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    acquired_at  BIGINT NOT NULL
);

-- Every instance says it is alive; `status` lists them and what they hold.
CREATE TABLE instances (
    id           TEXT PRIMARY KEY,
    host         TEXT NOT NULL,
    pid          BIGINT NOT NULL,
    started_at   TEXT NOT NULL,
    seen_at      BIGINT NOT NULL
);

-- An outbox row is claimed by one instance before it is handed to SMTP.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;

-- Which instance wrote the health snapshot.
ALTER TABLE health ADD COLUMN instance TEXT;
