-- Orleans cluster membership for the ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet
-- 10.4.2, invariant "Npgsql").
--
-- The Orleans ADO.NET providers ship no SQL. At start-up each provider runs
-- `SELECT QueryKey, QueryText FROM OrleansQuery` and later executes the stored text with named
-- parameters (@Name). PostgreSQL folds the unquoted names in that statement to lower case, so the
-- table below is created unquoted as well. Columns that the provider reads back are aliased to the
-- names it looks up; Npgsql matches those names case-insensitively.
--
-- Membership uses optimistic concurrency on one version row per cluster (DeploymentId): a silo reads
-- the version together with the rows, and an insert or update succeeds only while that version is
-- unchanged, bumping it in the same statement.

CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

CREATE TABLE orleans_membership_version (
    deployment_id text PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- status is Orleans.Runtime.SiloStatus as a number (3 = Active, 6 = Dead).
-- suspect_times contains "silo address,UTC time" pairs separated by "|", formatted by Orleans.
CREATE TABLE orleans_membership (
    deployment_id   text NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text NOT NULL,
    port            integer NOT NULL,
    generation      integer NOT NULL,
    silo_name       text NOT NULL,
    host_name       text NOT NULL,
    status          integer NOT NULL,
    proxy_port      integer NOT NULL,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the version row of a cluster. Returns one row: true when this call created it.
('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM created
$query$),

-- Inserts a silo row when the cluster version still equals @Version and the silo is not yet listed,
-- then bumps the version. Locking the version row first keeps a concurrent writer from slipping in
-- between the check and the insert. Returns one row: true on success.
('InsertMembershipKey', $query$
WITH current_version AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO orleans_membership (
        deployment_id, address, port, generation, silo_name, host_name,
        status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    FROM inserted
    WHERE v.deployment_id = inserted.deployment_id
    RETURNING 1
)
SELECT count(*) > 0 FROM bumped
$query$),

-- Updates a silo row when the cluster version still equals @Version, then bumps the version.
-- Returns one row: true on success.
('UpdateMembershipKey', $query$
WITH current_version AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), updated AS (
    UPDATE orleans_membership AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM current_version
    WHERE m.deployment_id = current_version.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, changed_at = now()
    FROM updated
    WHERE v.deployment_id = updated.deployment_id
    RETURNING 1
)
SELECT count(*) > 0 FROM bumped
$query$),

-- Records a heartbeat. Orleans does not version heartbeats, so the cluster version stays unchanged.
('UpdateIAmAlivetimeKey', $query$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
    AND address = @Address AND port = @Port AND generation = @Generation
$query$),

-- Reads one silo row with the cluster version. The version row is the left side of the join, so
-- a cluster with no matching silo still returns one row, with a NULL StartTime, which the provider
-- reads as "version only".
('MembershipReadRowKey', $query$
SELECT
    v.deployment_id   AS "DeploymentId",
    m.address         AS "Address",
    m.port            AS "Port",
    m.generation      AS "Generation",
    m.silo_name       AS "SiloName",
    m.host_name       AS "HostName",
    m.status          AS "Status",
    m.proxy_port      AS "ProxyPort",
    m.suspect_times   AS "SuspectTimes",
    m.start_time      AS "StartTime",
    m.i_am_alive_time AS "IAmAliveTime",
    v.version         AS "Version"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m
    ON m.deployment_id = v.deployment_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$query$),

-- Reads every silo row of a cluster with the cluster version, shaped like MembershipReadRowKey.
('MembershipReadAllKey', $query$
SELECT
    v.deployment_id   AS "DeploymentId",
    m.address         AS "Address",
    m.port            AS "Port",
    m.generation      AS "Generation",
    m.silo_name       AS "SiloName",
    m.host_name       AS "HostName",
    m.status          AS "Status",
    m.proxy_port      AS "ProxyPort",
    m.suspect_times   AS "SuspectTimes",
    m.start_time      AS "StartTime",
    m.i_am_alive_time AS "IAmAliveTime",
    v.version         AS "Version"
FROM orleans_membership_version AS v
LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$query$),

-- Deletes a whole cluster: the version row, and through the foreign key every silo row.
('DeleteMembershipTableEntriesKey', $query$
DELETE FROM orleans_membership_version
WHERE deployment_id = @DeploymentId
$query$),

-- Lists the gateways that clients may connect to: silos with status @Status (Active) that accept
-- client connections (ProxyPort above 0).
('GatewaysQueryKey', $query$
SELECT
    address    AS "Address",
    proxy_port AS "ProxyPort",
    generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$query$),

-- Deletes dead silo rows whose last heartbeat is older than @IAmAliveTime. The 10.4.2 provider
-- uses CleanupDefunctSiloEntryKey instead whenever that key exists and keeps this one as a fallback.
('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
    AND status = 6
    AND i_am_alive_time < @IAmAliveTime
    AND start_time < @IAmAliveTime
$query$),

-- Deletes one dead silo row only if it still contains the values the provider read before deciding
-- to delete it, so a row changed in between stays. A NULL and an empty suspect list count as equal.
('CleanupDefunctSiloEntryKey', $query$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
    AND address = @Address AND port = @Port AND generation = @Generation
    AND status = 6
    AND start_time = @StartTime
    AND i_am_alive_time = @IAmAliveTime
    AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
$query$);
