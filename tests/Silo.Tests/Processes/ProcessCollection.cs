namespace TermSync.Silo.Tests.Processes;

/// <summary>
/// Tests that run TermSync as child processes. They run one at a time and after the parallel tests,
/// because each one loads both cores and counts on failure detection and start-up finishing within its timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Processes";
}
