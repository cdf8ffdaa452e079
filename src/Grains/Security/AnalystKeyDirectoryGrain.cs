using TermSync.Security;

namespace TermSync.Grains.Security;

[GenerateSerializer, Alias("termsync.AnalystKeyDirectoryState")]
public sealed class AnalystKeyDirectoryState
{
    /// <summary>Ids of the analyst keys, oldest first.</summary>
    [Id(0)]
    public List<string> KeyIds { get; set; } = [];
}

public sealed class AnalystKeyDirectoryGrain(
    [PersistentState("analystkeys", StorageNames.Default)] IPersistentState<AnalystKeyDirectoryState> state) : Grain, IAnalystKeyDirectoryGrain
{
    public async Task AddAsync(string keyId)
    {
        if (state.State.KeyIds.Contains(keyId))
        {
            return;
        }

        state.State.KeyIds.Add(keyId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.KeyIds]);
}
