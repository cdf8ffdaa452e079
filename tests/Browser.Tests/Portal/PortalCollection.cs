namespace TermSync.Browser.Tests.Portal;

/// <summary>
/// Runs apart from the other collections, because each API host replaces Serilog's static logger while it starts, and a
/// host starting beside another one races it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
