using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TermSync.Security;

namespace TermSync.Api.Security;

/// <summary>
/// Authenticates "Authorization: Bearer KEY" with the admin key or a vendor key. It returns missing or rejected keys
/// as 401 and forbidden requests as 403, both as RFC 9457 problem details. No response or log contains a key.
/// </summary>
/// <remarks>
/// Every vendor request calls the key's grain, the single source of its state, so a revocation applies to the next
/// request on every silo without any cache to invalidate.
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

        if (!key.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal))
        {
            LogUnknownKey(Request.Method, Request.Path, null);
            return AuthenticateResult.Fail(string.IsNullOrEmpty(security.CurrentValue.AdminKey)
                ? $"The key is not a vendor key (those start with '{ApiKeyFormat.Prefix}'), and this server has no admin key configured (Security:AdminKey), so it cannot be the admin key."
                : $"The key is neither the admin key nor a vendor key (those start with '{ApiKeyFormat.Prefix}'); send the key exactly as it was issued.");
        }

        if (!ApiKeyFormat.TryParse(key, out var keyId, out var secretHash))
        {
            LogMalformedHeader(Request.Method, Request.Path);
            return AuthenticateResult.Fail(
                $"The vendor key is malformed: a vendor key is '{ApiKeyFormat.Prefix}', a {ApiKeyFormat.KeyIdLength}-character key id, '_' and a 43-character secret, " +
                $"{ApiKeyFormat.KeyLength} characters in all. Send it exactly as POST /vendors/{{vendorId}}/api-keys returned it.");
        }

        var check = await cluster.GetGrain<IApiKeyGrain>(keyId).AuthenticateAsync(secretHash);
        switch (check.Status)
        {
            case ApiKeyStatus.Valid:
                return Success(ApiClaims.Vendor(SchemeName, check.VendorId!, keyId));
            case ApiKeyStatus.Revoked:
                LogRevokedKey(Request.Method, Request.Path, keyId, check.VendorId!);
                return AuthenticateResult.Fail($"The vendor key {keyId} was revoked; use another key of the vendor or ask the TermSync administrator to issue one.");
            default:
                LogUnknownKey(Request.Method, Request.Path, keyId);
                return AuthenticateResult.Fail($"The vendor key {keyId} is not known; check that the whole key was sent, or ask the TermSync administrator to issue one.");
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceAsync();
        var detail = result.Failure?.Message
            ?? "The request has no Authorization header; send 'Authorization: Bearer KEY' with a vendor key or the admin key.";

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
            $"{Request.Method} {Request.Path} needs the admin key. A vendor key may call only the routes under /vendors/{{vendorId}} of its own vendor, except issuing keys.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "The API key may not call this endpoint.",
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.4").ExecuteAsync(Context);
    }

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

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Rejected {Method} {Path}: the Authorization header or the vendor key is malformed")]
    private partial void LogMalformedHeader(string method, string path);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Rejected {Method} {Path}: unknown API key {KeyId}")]
    private partial void LogUnknownKey(string method, string path, string? keyId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Rejected {Method} {Path}: API key {KeyId} of vendor {VendorId} is revoked")]
    private partial void LogRevokedKey(string method, string path, string keyId, string vendorId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Forbidden {Method} {Path} for API key {KeyId}")]
    private partial void LogForbidden(string method, string path, string? keyId);
}
