-- Grain state for the ADO.NET grain storage provider (Microsoft.Orleans.Persistence.AdoNet 10.4.2,
-- invariant "Npgsql"). Query text goes into OrleansQuery, created by 0001_orleans_clustering.sql.
--
-- A stored state is identified by the service, a type string and the grain key. The 10.4.2 provider
-- fills the type string with the state name (the name given to [PersistentState]), not the grain
-- class, so grains of two classes that share a state name and a key share one row. N0 and N1
-- contain a Guid or integer key, and the extension string contains a key extension or the whole
-- key of a string-keyed grain.
-- The two hash columns are the provider's 32-bit hashes of the key and the type string.
-- The 10.4.2 provider writes only the binary payload; the serializer is chosen in the silo.
--
-- version is the grain's ETag. It starts at 1 on insert and grows by 1 on every write or clear.
-- Write and clear succeed only when the caller's ETag equals the stored version (or, for the first
-- write, when no row exists), and otherwise return a NULL version, which the provider raises as an
-- InconsistentStateException.
--
-- NOTE: The unique key needs PostgreSQL 15 (NULLS NOT DISTINCT). Its B-tree entries are limited to
-- about 2.7 kB, so a state name plus key extension longer than that cannot be stored.

CREATE TABLE orleans_grain_state (
    service_id                text NOT NULL,
    grain_type_hash           integer NOT NULL,
    grain_type_string         text NOT NULL,
    grain_id_hash             integer NOT NULL,
    grain_id_n0               bigint NOT NULL,
    grain_id_n1               bigint NOT NULL,
    grain_id_extension_string text,
    payload_binary            bytea,
    version                   integer NOT NULL,
    modified_at               timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_grain_key UNIQUE NULLS NOT DISTINCT (
        service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
        grain_type_string, grain_id_extension_string)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Reads a grain's payload and version. Returns no row when the grain was never written, and a
-- NULL payload with a version after a clear.
('ReadFromStorageKey', $query$
SELECT payload_binary AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId
    AND grain_type_hash = @GrainTypeHash AND grain_type_string = @GrainTypeString
    AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
$query$),

-- Writes a grain's payload. With a NULL @GrainStateVersion it inserts version 1 unless a row
-- exists already, and otherwise it updates the row whose version equals @GrainStateVersion.
-- Returns exactly one row: the new version, or NULL when nothing was written.
('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload_binary = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
        AND version = @GrainStateVersion
        AND service_id = @ServiceId
        AND grain_type_hash = @GrainTypeHash AND grain_type_string = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (
        service_id, grain_type_hash, grain_type_string, grain_id_hash, grain_id_n0, grain_id_n1,
        grain_id_extension_string, payload_binary, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1,
        @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_grain_key DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted) AS "NewGrainStateVersion"
$query$),

-- Clears a grain's payload but keeps the row, so the version keeps growing and a writer holding an
-- older ETag still fails. Returns exactly one row: the new version, or NULL when the version did
-- not match.
('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload_binary = NULL, version = version + 1, modified_at = now()
    WHERE version = @GrainStateVersion
        AND service_id = @ServiceId
        AND grain_type_hash = @GrainTypeHash AND grain_type_string = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
$query$),

-- Deletes a grain's row; the provider uses it instead of ClearStorageKey when its option
-- DeleteStateOnClear is set. Returns exactly one row: the deleted version plus 1, which the
-- provider only checks against the caller's ETag, or NULL when the version did not match.
('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM orleans_grain_state
    WHERE version = @GrainStateVersion
        AND service_id = @ServiceId
        AND grain_type_hash = @GrainTypeHash AND grain_type_string = @GrainTypeString
        AND grain_id_hash = @GrainIdHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
$query$);
