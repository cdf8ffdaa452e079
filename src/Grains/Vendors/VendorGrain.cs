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
        if (previous == profile)
        {
            return WriteOutcome.Unchanged;
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();

        var outcome = previous is null ? WriteOutcome.Created : WriteOutcome.Updated;
        LogVendorRegistered(this.GetPrimaryKeyString(), outcome);
        return outcome;
    }

    public Task<VendorProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Vendor {VendorId} registered: {Outcome}")]
    private partial void LogVendorRegistered(string vendorId, WriteOutcome outcome);
}
