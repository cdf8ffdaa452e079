namespace TermSync.Browser.Tests;

/// <summary>
/// Runs apart from the other collections, because each API host replaces Serilog's static logger while it starts, and a
/// host starting beside another one races it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
