using TermSync.Accounts;

namespace TermSync.Grains.Accounts;

[GenerateSerializer, Alias("termsync.CustomerIdentityState")]
public sealed class CustomerIdentityState
{
    [Id(0)]
    public string? CustomerId { get; set; }
}

public sealed class CustomerIdentityGrain(
    [PersistentState("identity", StorageNames.Default)] IPersistentState<CustomerIdentityState> state) : Grain, ICustomerIdentityGrain
{
    public async Task<string> ResolveAsync(string proposedCustomerId)
    {
        if (state.State.CustomerId is null)
        {
            state.State.CustomerId = proposedCustomerId;
            await state.WriteStateAsync();
        }

        return state.State.CustomerId;
    }

    public Task<string?> FindAsync() => Task.FromResult(state.State.CustomerId);
}
