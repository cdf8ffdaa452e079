-- Idempotency keys of the REST API. A POST that carries an Idempotency-Key header claims one row per
-- caller (scope) and key before it runs, and stores its response when it completes, so a retry with
-- the same key gets the stored response instead of running again.
--
-- scope is the caller: the authenticated principal's name identifier (a vendor id or "admin"), or
-- "anonymous". request_hash is the SHA-256 of the method, path, query and body; a retry must match it.
-- claim_id identifies the request that owns the row, so a request whose claim was taken over cannot
-- store or delete what the new owner wrote.
-- created_at is when the current claim was made. A row older than the retention (24 hours by
-- default) counts as absent, and the API deletes such rows in the background. A row that is still
-- in progress after the lock timeout counts as abandoned by a stopped process, and a retry with the
-- same request takes it over.
-- completed_at and response_status are NULL while the request runs. The response columns hold the
-- stored status code, Content-Type header and body bytes.

CREATE TABLE idempotency_request (
    scope                 text NOT NULL,
    idempotency_key       text NOT NULL,
    request_hash          bytea NOT NULL,
    claim_id              uuid NOT NULL,
    method                text NOT NULL,
    path                  text NOT NULL,
    response_status       integer,
    response_content_type text,
    response_body         bytea,
    created_at            timestamptz NOT NULL,
    completed_at          timestamptz,
    PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotency_request_completed_with_status
        CHECK ((completed_at IS NULL) = (response_status IS NULL))
);

CREATE INDEX idempotency_request_created_at ON idempotency_request (created_at);
