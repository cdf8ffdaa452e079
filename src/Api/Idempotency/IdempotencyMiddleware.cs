using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using TermSync.Api.Security;

namespace TermSync.Api.Idempotency;

/// <summary>
/// Runs a POST that carries an Idempotency-Key once per caller and key. The first request claims the
/// key and stores its response; a retry with the same request gets that response again with
/// <c>Idempotency-Replayed: true</c>, a retry while the first still runs gets 409, and the same key
/// with another method, path, query or body gets 422. Requests without the header pass through, and so do
/// requests to endpoints with <see cref="SecretResponseMetadata"/>, whose response must never be stored.
/// </summary>
/// <remarks>
/// Responses with a status of 500 or more, 408 or 429 are not stored, because they report a
/// transient failure and the retry should run again. Every other status is stored and replayed,
/// including 4xx, because the first response to a key is its result. Only the status, Content-Type
/// and body are stored and replayed.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    /// <summary>The scope of requests without an authenticated caller.</summary>
    public const string AnonymousScope = "anonymous";

    public async Task InvokeAsync(HttpContext context)
    {
        var httpRequest = context.Request;
        if (!HttpMethods.IsPost(httpRequest.Method)
            || !httpRequest.Headers.TryGetValue(IdempotencyHeader.Name, out var values)
            || context.GetEndpoint()?.Metadata.GetMetadata<SecretResponseMetadata>() is not null)
        {
            await next(context);
            return;
        }

        var path = $"{httpRequest.PathBase}{httpRequest.Path}{httpRequest.QueryString}";
        if (!IdempotencyHeader.TryParse(values, out var key, out var error))
        {
            IdempotencyLog.InvalidHeader(logger, httpRequest.Method, path);
            await IdempotencyProblems.InvalidHeader(error).ExecuteAsync(context);
            return;
        }

        var requestHash = await RequestFingerprint.ComputeAsync(httpRequest, context.RequestAborted);
        var request = new IdempotentRequest(ResolveScope(context.User), key, requestHash, httpRequest.Method, path);
        var claim = await store.ClaimAsync(request, context.RequestAborted);

        if (claim.ClaimId is { } claimId)
        {
            await RunAndStoreAsync(context, request, claimId);
        }
        else
        {
            await RespondFromExistingAsync(context, request, claim.Existing!);
        }
    }

    /// <summary>
    /// Returns the scope of a caller's keys: the name identifier of an authenticated caller (a vendor
    /// id or "admin"), otherwise <see cref="AnonymousScope"/>.
    /// </summary>
    public static string ResolveScope(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? id
            : AnonymousScope;

    private async Task RunAndStoreAsync(HttpContext context, IdempotentRequest request, Guid claimId)
    {
        var response = await RunBufferedAsync(context, request, claimId);

        if (IsStored(response.Status))
        {
            await StoreAsync(request, claimId, response);
        }
        else
        {
            await ReleaseAsync(request, claimId);
            IdempotencyLog.ReleasedAfterServerError(logger, request.Method, request.Path, request.Scope, HashPrefix(request.Key), response.Status);
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    // Runs the rest of the pipeline against a memory buffer, so the response can be stored before
    // the client sees any of it. The caller writes the buffer to the client afterwards.
    private async Task<StoredResponse> RunBufferedAsync(HttpContext context, IdempotentRequest request, Guid claimId)
    {
        var clientFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var bufferFeature = new StreamResponseBodyFeature(buffer, clientFeature);
        context.Features.Set<IHttpResponseBodyFeature>(bufferFeature);
        try
        {
            await next(context);
            await bufferFeature.CompleteAsync();
        }
        catch
        {
            // The outcome of a request that threw is unknown; it may have written part of its changes.
            // Keeping the claim would reject every retry with 409 until the lock timeout, so the claim
            // is deleted and a retry runs the request again, which the grains' natural keys make safe.
            await ReleaseAsync(request, claimId);
            IdempotencyLog.ReleasedAfterException(logger, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
            throw;
        }
        finally
        {
            context.Features.Set(clientFeature);
        }

        return new StoredResponse(context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
    }

    private async Task StoreAsync(IdempotentRequest request, Guid claimId, StoredResponse response)
    {
        try
        {
            // The work is done, so storing its response must not depend on the client staying connected.
            if (!await store.CompleteAsync(request, claimId, response, CancellationToken.None))
            {
                IdempotencyLog.ClaimLost(logger, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
            }
        }
        catch (NpgsqlException exception)
        {
            // The client still gets the response of the work that ran. A retry runs again, because
            // the claim is released, or gets 409 until the lock timeout when releasing fails too.
            IdempotencyLog.StoreFailed(logger, exception, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
            await ReleaseAsync(request, claimId);
        }
    }

    private async Task ReleaseAsync(IdempotentRequest request, Guid claimId)
    {
        try
        {
            await store.ReleaseAsync(request, claimId, CancellationToken.None);
        }
        catch (NpgsqlException exception)
        {
            IdempotencyLog.ReleaseFailed(logger, exception, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
        }
    }

    private async Task RespondFromExistingAsync(HttpContext context, IdempotentRequest request, ExistingRequest existing)
    {
        if (!existing.RequestHash.AsSpan().SequenceEqual(request.RequestHash))
        {
            IdempotencyLog.KeyReused(logger, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
            await IdempotencyProblems.KeyReused().ExecuteAsync(context);
            return;
        }

        if (existing.Response is not { } stored)
        {
            IdempotencyLog.InProgress(logger, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
            await IdempotencyProblems.InProgress().ExecuteAsync(context);
            return;
        }

        IdempotencyLog.Replayed(logger, stored.Status, request.Method, request.Path, request.Scope, HashPrefix(request.Key));
        context.Response.StatusCode = stored.Status;
        context.Response.ContentType = stored.ContentType;
        context.Response.ContentLength = stored.Body.Length;
        context.Response.Headers[IdempotencyHeader.ReplayedName] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static bool IsStored(int status) =>
        status < StatusCodes.Status500InternalServerError
        && status != StatusCodes.Status408RequestTimeout
        && status != StatusCodes.Status429TooManyRequests;

    private static string HashPrefix(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 4));
}
