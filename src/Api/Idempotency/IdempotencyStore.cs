using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace TermSync.Api.Idempotency;

/// <summary>
/// Claims, completes and releases idempotency keys in the <c>idempotency_request</c> table. Every
/// change is one statement, so API processes that share the database see one owner per key.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options, TimeProvider timeProvider)
{
    // Inserts a claim, or takes over a row that has expired, or one whose request stopped in progress
    // with the same request hash. Returns the claim id only when this statement owns the row.
    private const string ClaimSql = """
        INSERT INTO idempotency_request AS existing (scope, idempotency_key, request_hash, claim_id, method, path, created_at)
        VALUES (@scope, @key, @request_hash, @claim_id, @method, @path, @now)
        ON CONFLICT (scope, idempotency_key) DO UPDATE
        SET request_hash = excluded.request_hash,
            claim_id = excluded.claim_id,
            method = excluded.method,
            path = excluded.path,
            created_at = excluded.created_at,
            completed_at = NULL,
            response_status = NULL,
            response_content_type = NULL,
            response_body = NULL
        WHERE existing.created_at < @expired_before
            OR (existing.completed_at IS NULL
                AND existing.created_at < @abandoned_before
                AND existing.request_hash = excluded.request_hash)
        RETURNING claim_id
        """;

    private const string ReadSql = """
        SELECT request_hash, response_status, response_content_type, response_body
        FROM idempotency_request
        WHERE scope = @scope AND idempotency_key = @key
        """;

    private const string CompleteSql = """
        UPDATE idempotency_request
        SET response_status = @status, response_content_type = @content_type, response_body = @body, completed_at = @now
        WHERE scope = @scope AND idempotency_key = @key AND claim_id = @claim_id AND completed_at IS NULL
        """;

    private const string ReleaseSql = """
        DELETE FROM idempotency_request
        WHERE scope = @scope AND idempotency_key = @key AND claim_id = @claim_id AND completed_at IS NULL
        """;

    private const string DeleteExpiredSql = "DELETE FROM idempotency_request WHERE created_at < @expired_before";

    // The row read after a failed claim can vanish before the read when its owner releases it; the
    // claim is then tried again. More than a few rounds means constant contention on one key.
    private const int MaxClaimAttempts = 3;

    /// <summary>
    /// Claims the key of <paramref name="request"/> for this request, unless a live row owns it. A row
    /// older than the retention counts as absent. A row still in progress after the lock timeout, with
    /// the same request hash, counts as abandoned and is taken over.
    /// </summary>
    /// <returns>The claim id when this request should run, otherwise the existing row. When the key
    /// stays contended over several attempts, an existing row without a response, which the caller
    /// treats as in progress.</returns>
    public async Task<ClaimResult> ClaimAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
        {
            var claimId = await TryInsertAsync(request, cancellationToken);
            if (claimId is not null)
            {
                return new ClaimResult(claimId, null);
            }

            var existing = await ReadAsync(request.Scope, request.Key, cancellationToken);
            if (existing is not null)
            {
                return new ClaimResult(null, existing);
            }
        }

        return new ClaimResult(null, new ExistingRequest(request.RequestHash, null));
    }

    /// <summary>Stores the response of a claimed request for replay.</summary>
    /// <returns>False when the claim is no longer this request's, because it was taken over after the lock timeout.</returns>
    public async Task<bool> CompleteAsync(IdempotentRequest request, Guid claimId, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CompleteSql);
        AddKey(command, request.Scope, request.Key);
        command.Parameters.AddWithValue("claim_id", claimId);
        command.Parameters.AddWithValue("status", response.Status);
        command.Parameters.Add(new NpgsqlParameter("content_type", NpgsqlDbType.Text) { Value = (object?)response.ContentType ?? DBNull.Value });
        command.Parameters.AddWithValue("body", response.Body);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the claim of a request that stored no response, so that a retry runs again.</summary>
    public async Task ReleaseAsync(IdempotentRequest request, Guid claimId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReleaseSql);
        AddKey(command, request.Scope, request.Key);
        command.Parameters.AddWithValue("claim_id", claimId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the rows older than the retention, which no request can replay any more.</summary>
    /// <returns>The number of rows deleted.</returns>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeleteExpiredSql);
        command.Parameters.AddWithValue("expired_before", timeProvider.GetUtcNow() - options.Value.Retention);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Guid?> TryInsertAsync(IdempotentRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        await using var command = dataSource.CreateCommand(ClaimSql);
        AddKey(command, request.Scope, request.Key);
        command.Parameters.AddWithValue("request_hash", request.RequestHash);
        command.Parameters.AddWithValue("claim_id", Guid.CreateVersion7(now));
        command.Parameters.AddWithValue("method", request.Method);
        command.Parameters.AddWithValue("path", request.Path);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("expired_before", now - options.Value.Retention);
        command.Parameters.AddWithValue("abandoned_before", now - options.Value.LockTimeout);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    private async Task<ExistingRequest?> ReadAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadSql);
        AddKey(command, scope, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var requestHash = reader.GetFieldValue<byte[]>(0);
        if (await reader.IsDBNullAsync(1, cancellationToken))
        {
            return new ExistingRequest(requestHash, null);
        }

        var contentType = await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2);
        var response = new StoredResponse(reader.GetInt32(1), contentType, reader.GetFieldValue<byte[]>(3));
        return new ExistingRequest(requestHash, response);
    }

    private static void AddKey(NpgsqlCommand command, string scope, string key)
    {
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
    }
}
