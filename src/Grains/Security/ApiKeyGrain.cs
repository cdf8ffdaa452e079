using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TermSync.Security;

namespace TermSync.Grains.Security;

/// <summary>
/// One vendor API key. Every authenticated vendor request calls this grain, with no cache in front, so a
/// revocation takes effect on the next request on every silo.
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
        if (state.State.VendorId is not null)
        {
            var isRetry = state.State.VendorId == vendorId && CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash);
            return isRetry ? Info() : null;
        }

        state.State.VendorId = vendorId;
        state.State.SecretHash = secretHash;
        state.State.CreatedAt = time.GetUtcNow();
        await SaveAsync();

        LogKeyIssued(vendorId, KeyId);
        return Info();
    }

    public async Task<ApiKeyCheck> AuthenticateAsync(byte[] secretHash)
    {
        var vendorId = state.State.VendorId;
        if (vendorId is null || !CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash))
        {
            return ApiKeyCheck.Unknown;
        }

        if (state.State.RevokedAt is not null)
        {
            return new ApiKeyCheck(ApiKeyStatus.Revoked, vendorId);
        }

        var now = time.GetUtcNow();
        state.State.LastUsedAt = now;
        if (_lastUseThrottle.ShouldWrite(now))
        {
            await SaveAsync();
        }

        return new ApiKeyCheck(ApiKeyStatus.Valid, vendorId);
    }

    public Task<ApiKeyInfo?> GetAsync() => Task.FromResult(state.State.VendorId is null ? null : Info());

    public async Task<ApiKeyInfo?> RevokeAsync(string vendorId)
    {
        if (state.State.VendorId is null || state.State.VendorId != vendorId)
        {
            return null;
        }

        if (state.State.RevokedAt is null)
        {
            state.State.RevokedAt = time.GetUtcNow();
            await SaveAsync();
            LogKeyRevoked(vendorId, KeyId);
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
        if (state.State.VendorId is not null && _lastUseThrottle.IsPending(state.State.LastUsedAt))
        {
            await SaveAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        _lastUseThrottle.Stored(state.State.LastUsedAt);
    }

    private ApiKeyInfo Info() =>
        new(KeyId, state.State.VendorId!, state.State.CreatedAt, state.State.LastUsedAt, state.State.RevokedAt);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "API key {KeyId} issued to vendor {VendorId}")]
    private partial void LogKeyIssued(string vendorId, string keyId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "API key {KeyId} of vendor {VendorId} revoked")]
    private partial void LogKeyRevoked(string vendorId, string keyId);
}
