-- Sessions end after a while without requests (idle timeout), not only at their fixed end (expires_at).
-- Sessions from before this migration were 12 hours long: their login was 12 hours before their end.
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = expires_at - 43200000;
