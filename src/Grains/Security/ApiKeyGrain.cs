using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TermSync.Security;

namespace TermSync.Grains.Security;

/// <summary>
/// One API key of a vendor or of an analyst. Every request authenticated with the key calls this grain, with no
/// cache in front, so a revocation takes effect on the next request on every silo.
/// </summary>
public sealed partial class ApiKeyGrain(
    [PersistentState("apikey", StorageNames.Default)] IPersistentState<ApiKeyState> state,
    TimeProvider time,
    ILogger<ApiKeyGrain> logger) : Grain, IApiKeyGrain
{
    private readonly LastUseThrottle _lastUseThrottle = new();

    private string KeyId => this.GetPrimaryKeyString();

    public async Task<ApiKeyInfo?> CreateAsync(string vendorId, byte[] secretHash)
    {
        if (state.State.IsCreated)
        {
            var isRetry = state.State.Kind == ApiKeyKind.Vendor && state.State.VendorId == vendorId && HasSecret(secretHash);
            return isRetry ? Info() : null;
        }

        state.State.Kind = ApiKeyKind.Vendor;
        state.State.VendorId = vendorId;
        state.State.SecretHash = secretHash;
        state.State.CreatedAt = time.GetUtcNow();
        await SaveAsync();

        LogKeyIssued(vendorId, KeyId);
        return Info();
    }

    public async Task<ApiKeyInfo?> CreateAnalystKeyAsync(string label, byte[] secretHash)
    {
        if (state.State.IsCreated)
        {
            var isRetry = state.State.Kind == ApiKeyKind.Analyst && state.State.Label == label && HasSecret(secretHash);
            return isRetry ? Info() : null;
        }

        state.State.Kind = ApiKeyKind.Analyst;
        state.State.Label = label;
        state.State.SecretHash = secretHash;
        state.State.CreatedAt = time.GetUtcNow();
        await SaveAsync();

        LogAnalystKeyIssued(KeyId);
        return Info();
    }

    public async Task<ApiKeyCheck> AuthenticateAsync(byte[] secretHash)
    {
        if (!state.State.IsCreated || !HasSecret(secretHash))
        {
            return ApiKeyCheck.Unknown;
        }

        if (state.State.RevokedAt is not null)
        {
            return new ApiKeyCheck(ApiKeyStatus.Revoked, state.State.VendorId, state.State.Kind);
        }

        var now = time.GetUtcNow();
        state.State.LastUsedAt = now;
        if (_lastUseThrottle.ShouldWrite(now))
        {
            await SaveAsync();
        }

        return new ApiKeyCheck(ApiKeyStatus.Valid, state.State.VendorId, state.State.Kind);
    }

    public Task<ApiKeyInfo?> GetAsync() => Task.FromResult(state.State.IsCreated ? Info() : null);

    public async Task<ApiKeyInfo?> RevokeAsync(string vendorId)
    {
        if (!state.State.IsCreated || state.State.Kind != ApiKeyKind.Vendor || state.State.VendorId != vendorId)
        {
            return null;
        }

        if (await RevokeOnceAsync())
        {
            LogKeyRevoked(vendorId, KeyId);
        }

        return Info();
    }

    public async Task<ApiKeyInfo?> RevokeAnalystKeyAsync()
    {
        if (!state.State.IsCreated || state.State.Kind != ApiKeyKind.Analyst)
        {
            return null;
        }

        if (await RevokeOnceAsync())
        {
            LogAnalystKeyRevoked(KeyId);
        }

        return Info();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastUseThrottle.Stored(state.State.LastUsedAt);
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Writes the last-use time that the throttle kept in memory only.
        if (state.State.IsCreated && _lastUseThrottle.IsPending(state.State.LastUsedAt))
        {
            await SaveAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Compares the stored hash with <paramref name="secretHash"/> in constant time.</summary>
    private bool HasSecret(byte[] secretHash) => CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash);

    /// <summary>Revokes the key unless it is revoked already, and returns whether this call revoked it.</summary>
    private async Task<bool> RevokeOnceAsync()
    {
        if (state.State.RevokedAt is not null)
        {
            return false;
        }

        state.State.RevokedAt = time.GetUtcNow();
        await SaveAsync();
        return true;
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        _lastUseThrottle.Stored(state.State.LastUsedAt);
    }

    private ApiKeyInfo Info() =>
        new(KeyId, state.State.VendorId, state.State.CreatedAt, state.State.LastUsedAt, state.State.RevokedAt, state.State.Kind, state.State.Label);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "API key {KeyId} issued to vendor {VendorId}")]
    private partial void LogKeyIssued(string vendorId, string keyId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "API key {KeyId} of vendor {VendorId} revoked")]
    private partial void LogKeyRevoked(string vendorId, string keyId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Analyst API key {KeyId} issued")]
    private partial void LogAnalystKeyIssued(string keyId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Analyst API key {KeyId} revoked")]
    private partial void LogAnalystKeyRevoked(string keyId);
}
