using TermSync.Vendors;

namespace TermSync.Grains.Tests.Vendors;

[Collection(ClusterCollection.Name)]
public sealed class ResponseSettingsGrainTests(ClusterFixture fixture)
{
    private static readonly ResponseSettings Custom = new(
        [
            new BusinessHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0)),
            new BusinessHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(16, 30)),
        ],
        [new DateOnly(2026, 12, 25), new DateOnly(2026, 1, 1)],
        TimeSpan.FromHours(4));

    [Fact]
    public async Task Never_set_returns_default()
    {
        var vendor = await RegisterAsync();

        var settings = await vendor.GetResponseSettingsAsync();

        Assert.Equal(ResponseSettings.Default.Hours, settings.Hours);
        Assert.Empty(settings.Holidays);
        Assert.Equal(TimeSpan.FromHours(8), settings.FirstResponseSla);
    }

    [Fact]
    public async Task Set_stores_in_canonical_order()
    {
        var vendor = await RegisterAsync();

        var outcome = await vendor.SetResponseSettingsAsync(Custom);
        var stored = await vendor.GetResponseSettingsAsync();

        Assert.Equal(WriteOutcome.Created, outcome);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], stored.Hours.Select(hours => hours.Day));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 25)], stored.Holidays);
        Assert.Equal(TimeSpan.FromHours(4), stored.FirstResponseSla);
    }

    [Fact]
    public async Task Same_settings_again_are_unchanged()
    {
        var vendor = await RegisterAsync();
        await vendor.SetResponseSettingsAsync(Custom);

        var copy = new ResponseSettings([.. Custom.Hours.Reverse()], [.. Custom.Holidays, new DateOnly(2026, 1, 1)], Custom.FirstResponseSla);
        var repeated = await vendor.SetResponseSettingsAsync(copy);
        var changed = await vendor.SetResponseSettingsAsync(Custom with { FirstResponseSla = null });

        Assert.Equal(WriteOutcome.Unchanged, repeated);
        Assert.Equal(WriteOutcome.Updated, changed);
        Assert.Null((await vendor.GetResponseSettingsAsync()).FirstResponseSla);
    }

    [Fact]
    public async Task Default_settings_never_set_are_unchanged()
    {
        var vendor = await RegisterAsync();

        var outcome = await vendor.SetResponseSettingsAsync(new ResponseSettings([.. ResponseSettings.Default.Hours], [], TimeSpan.FromHours(8)));

        Assert.Equal(WriteOutcome.Unchanged, outcome);
    }

    [Fact]
    public async Task Invalid_settings_are_rejected_unwritten()
    {
        var vendor = await RegisterAsync();
        var monday = new BusinessHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var invalid = new[]
        {
            new ResponseSettings([monday, monday with { Opens = new TimeOnly(7, 0) }], [], null),
            new ResponseSettings([monday with { Closes = new TimeOnly(9, 0) }], [], null),
            new ResponseSettings([monday], [], TimeSpan.Zero),
            new ResponseSettings([], [], TimeSpan.FromHours(1)),
        };

        foreach (var settings in invalid)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => vendor.SetResponseSettingsAsync(settings));
        }

        Assert.Equal(ResponseSettings.Default.Hours, (await vendor.GetResponseSettingsAsync()).Hours);
    }

    private async Task<IVendorGrain> RegisterAsync() =>
        fixture.Grains.GetGrain<IVendorGrain>(await TestData.RegisterVendorAsync(fixture.Grains, "Response settings"));
}
