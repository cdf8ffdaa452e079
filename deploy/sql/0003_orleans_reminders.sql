-- Reminders for the ADO.NET reminder table (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant
-- "Npgsql"). Query text goes into OrleansQuery, created by 0001_orleans_clustering.sql.
--
-- grain_hash is the grain's uniform hash on the Orleans ring, cast by the provider from an unsigned
-- to a signed 32-bit number. Each silo reads the reminders of its ring range (begin, end] by that
-- hash. period is in milliseconds. version is the reminder's ETag: 0 on insert, plus 1 on every
-- upsert, and a delete succeeds only with the current version.

CREATE TABLE orleans_reminder (
    service_id    text NOT NULL,
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint NOT NULL,
    grain_hash    integer NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_service_id_grain_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Inserts a reminder or replaces its schedule. Returns one row: the new version.
('UpsertReminderRowKey', $query$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time,
    period = excluded.period,
    grain_hash = excluded.grain_hash,
    version = orleans_reminder.version + 1
RETURNING version AS "Version"
$query$),

-- Reads every reminder of one grain.
('ReadReminderRowsKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
    period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId
$query$),

-- Reads one reminder of one grain.
('ReadReminderRowKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
    period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$query$),

-- Reads the reminders of a ring range that does not wrap around: @BeginHash < hash <= @EndHash.
('ReadRangeRows1Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
    period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$query$),

-- Reads the reminders of a ring range that wraps around: hash > @BeginHash or hash <= @EndHash.
-- The provider also uses it for the whole ring, where @BeginHash equals @EndHash.
('ReadRangeRows2Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
    period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$query$),

-- Deletes one reminder if its version still equals @Version. Returns one row: true when deleted.
('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
        AND version = @Version
    RETURNING 1
)
SELECT count(*) > 0 FROM deleted
$query$),

-- Deletes every reminder of a service.
('DeleteReminderRowsKey', $query$
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId
$query$);
