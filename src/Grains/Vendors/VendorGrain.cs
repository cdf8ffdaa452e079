using Microsoft.Extensions.Logging;
using TermSync.Vendors;

namespace TermSync.Grains.Vendors;

public sealed partial class VendorGrain(
    [PersistentState("vendor", StorageNames.Default)] IPersistentState<VendorState> state,
    ILogger<VendorGrain> logger) : Grain, IVendorGrain
{
    public async Task<WriteOutcome> RegisterAsync(VendorProfile profile)
    {
        var previous = state.State.Profile;
        var outcome = WriteOutcome.Unchanged;
        if (previous != profile)
        {
            state.State.Profile = profile;
            await state.WriteStateAsync();

            outcome = previous is null ? WriteOutcome.Created : WriteOutcome.Updated;
            LogVendorRegistered(this.GetPrimaryKeyString(), outcome);
        }

        // Runs on unchanged registrations too, so a retry completes a registration whose directory update failed.
        await GrainFactory.GetGrain<IVendorDirectoryGrain>(IVendorDirectoryGrain.Key).SetAsync(this.GetPrimaryKeyString(), profile.Name);
        return outcome;
    }

    public Task<VendorProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<bool> AddApiKeyAsync(string keyId)
    {
        if (state.State.Profile is null)
        {
            return false;
        }

        if (!state.State.ApiKeyIds.Contains(keyId))
        {
            state.State.ApiKeyIds.Add(keyId);
            await state.WriteStateAsync();
        }

        return true;
    }

    public Task<IReadOnlyList<string>> GetApiKeyIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.ApiKeyIds]);

    public Task<ResponseSettings> GetResponseSettingsAsync() => Task.FromResult(state.State.ResponseSettings ?? ResponseSettings.Default);

    public async Task<WriteOutcome> SetResponseSettingsAsync(ResponseSettings settings)
    {
        ResponseSettingsRules.Validate(settings);
        var normalized = ResponseSettingsRules.Normalize(settings);

        var previous = state.State.ResponseSettings;
        if (ResponseSettingsRules.AreEqual(previous ?? ResponseSettings.Default, normalized))
        {
            return WriteOutcome.Unchanged;
        }

        state.State.ResponseSettings = normalized;
        await state.WriteStateAsync();

        var outcome = previous is null ? WriteOutcome.Created : WriteOutcome.Updated;
        LogResponseSettingsSet(this.GetPrimaryKeyString(), outcome);
        return outcome;
    }

    public Task<string?> GetPaymentPageAsync() => Task.FromResult(state.State.PaymentPageTemplate);

    public async Task<WriteOutcome> SetPaymentPageAsync(string? template)
    {
        if (template is not null && PaymentPageTemplate.Validate(template) is { } error)
        {
            throw new ArgumentException(error, nameof(template));
        }

        var previous = state.State.PaymentPageTemplate;
        if (string.Equals(previous, template, StringComparison.Ordinal))
        {
            return WriteOutcome.Unchanged;
        }

        state.State.PaymentPageTemplate = template;
        await state.WriteStateAsync();

        var outcome = previous is null ? WriteOutcome.Created : WriteOutcome.Updated;
        LogPaymentPageSet(this.GetPrimaryKeyString(), outcome, template is not null);
        return outcome;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Vendor {VendorId} registered: {Outcome}")]
    private partial void LogVendorRegistered(string vendorId, WriteOutcome outcome);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Vendor {VendorId} set its response settings: {Outcome}")]
    private partial void LogResponseSettingsSet(string vendorId, WriteOutcome outcome);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Vendor {VendorId} set its payment page: {Outcome}, template present {HasTemplate}")]
    private partial void LogPaymentPageSet(string vendorId, WriteOutcome outcome, bool hasTemplate);
}
