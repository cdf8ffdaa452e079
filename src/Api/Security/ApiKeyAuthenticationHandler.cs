using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TermSync.Security;

namespace TermSync.Api.Security;

/// <summary>
/// Authenticates "Authorization: Bearer KEY" with the admin key, a vendor key or an analyst key. It returns missing
/// or rejected keys as 401 and forbidden requests as 403, both as RFC 9457 problem details. No response or log
/// contains a key.
/// </summary>
/// <remarks>
/// Every request with a vendor key or an analyst key calls the key's grain, the single source of its state, so a
/// revocation applies to the next request on every silo without any cache to invalidate.
/// </remarks>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<SecurityOptions> security,
    IClusterClient cluster)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The name of the authentication scheme.</summary>
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";

    private readonly ILogger _log = loggerFactory.CreateLogger<ApiKeyAuthenticationHandler>();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var header = headers.Count == 1 ? headers[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            LogMalformedHeader(Request.Method, Request.Path);
            return AuthenticateResult.Fail(
                "The Authorization header is not a Bearer credential; send exactly one header 'Authorization: Bearer KEY'.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (IsAdminKey(key))
        {
            return Success(ApiClaims.Admin(SchemeName));
        }

        if (!ApiKeyFormat.TryGetKind(key, out var kind))
        {
            LogUnknownKey(Request.Method, Request.Path, null);
            return AuthenticateResult.Fail(string.IsNullOrEmpty(security.CurrentValue.AdminKey)
                ? $"The key is not a vendor key (those start with '{ApiKeyFormat.VendorPrefix}') or an analyst key (those start with '{ApiKeyFormat.AnalystPrefix}'), " +
                    "and this server has no admin key configured (Security:AdminKey), so it cannot be the admin key."
                : $"The key is neither the admin key nor a vendor key (those start with '{ApiKeyFormat.VendorPrefix}') " +
                    $"nor an analyst key (those start with '{ApiKeyFormat.AnalystPrefix}'); send the key exactly as it was issued.");
        }

        var noun = KeyNoun(kind);
        if (!ApiKeyFormat.TryParse(key, out _, out var keyId, out var secretHash))
        {
            LogMalformedHeader(Request.Method, Request.Path);
            return AuthenticateResult.Fail(
                $"The {noun} is malformed: it must be '{ApiKeyFormat.PrefixOf(kind)}', a {ApiKeyFormat.KeyIdLength}-character key id, '_' and a 43-character secret, " +
                $"{ApiKeyFormat.KeyLength} characters in all. Send it exactly as {IssuingRoute(kind)} returned it.");
        }

        var check = await cluster.GetGrainCached<IApiKeyGrain>(keyId).AuthenticateAsync(secretHash);

        // The prefix is part of the key as issued, so a key id sent with the other kind's prefix is not a key.
        var status = check.Status != ApiKeyStatus.Unknown && check.Kind != kind ? ApiKeyStatus.Unknown : check.Status;
        switch (status)
        {
            case ApiKeyStatus.Valid:
                return Success(kind == ApiKeyKind.Analyst
                    ? ApiClaims.Analyst(SchemeName, keyId)
                    : ApiClaims.Vendor(SchemeName, check.VendorId!, keyId));
            case ApiKeyStatus.Revoked when kind == ApiKeyKind.Analyst:
                LogRevokedAnalystKey(Request.Method, Request.Path, keyId);
                return AuthenticateResult.Fail($"The analyst key {keyId} was revoked; ask the TermSync administrator to issue another one.");
            case ApiKeyStatus.Revoked:
                LogRevokedKey(Request.Method, Request.Path, keyId, check.VendorId!);
                return AuthenticateResult.Fail($"The vendor key {keyId} was revoked; use another key of the vendor or ask the TermSync administrator to issue one.");
            default:
                LogUnknownKey(Request.Method, Request.Path, keyId);
                return AuthenticateResult.Fail($"The {noun} {keyId} is not known; check that the whole key was sent, or ask the TermSync administrator to issue one.");
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceAsync();
        var detail = result.Failure?.Message
            ?? "The request has no Authorization header; send 'Authorization: Bearer KEY' with a vendor key, an analyst key or the admin key.";

        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Missing or invalid API key.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.2").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        LogForbidden(Request.Method, Request.Path, Context.User.FindFirst(ApiClaims.KeyId)?.Value);
        await TypedResults.Problem(
            ForbiddenDetail.Describe(Context),
            statusCode: StatusCodes.Status403Forbidden,
            title: "The API key may not call this endpoint.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.4").ExecuteAsync(Context);
    }

    private static string KeyNoun(ApiKeyKind kind) => kind == ApiKeyKind.Analyst ? "analyst key" : "vendor key";

    private static string IssuingRoute(ApiKeyKind kind) =>
        kind == ApiKeyKind.Analyst ? "POST /analyst-keys" : "POST /vendors/{vendorId}/api-keys";

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    /// <summary>
    /// Compares the presented key with the admin key in constant time. Both are hashed first, so the comparison
    /// takes the same time whatever their lengths.
    /// </summary>
    private bool IsAdminKey(string key)
    {
        var adminKey = security.CurrentValue.AdminKey;
        if (string.IsNullOrEmpty(adminKey))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(key)),
            SHA256.HashData(Encoding.UTF8.GetBytes(adminKey)));
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Rejected {Method} {Path}: the Authorization header or the API key is malformed")]
    private partial void LogMalformedHeader(string method, string path);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Rejected {Method} {Path}: unknown API key {KeyId}")]
    private partial void LogUnknownKey(string method, string path, string? keyId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: API key {KeyId} of vendor {VendorId} is revoked")]
    private partial void LogRevokedKey(string method, string path, string keyId, string vendorId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: analyst API key {KeyId} is revoked")]
    private partial void LogRevokedAnalystKey(string method, string path, string keyId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Forbidden {Method} {Path} for API key {KeyId}")]
    private partial void LogForbidden(string method, string path, string? keyId);
}
