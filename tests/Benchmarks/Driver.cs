namespace TermSync.Benchmarks;

/// <summary>The way to run this driver, for the usage texts of its commands.</summary>
public static class Driver
{
    /// <summary>The command that runs the driver from the repository folder after a Release build, because the driver is not on the PATH.</summary>
    public const string Command = "dotnet tests/Benchmarks/bin/Release/net10.0/TermSync.Benchmarks.dll";

    public const string Usage =
        $"""
        Runs one benchmark step against a TermSync API or a silo in this process. The scripts deploy/bench*.sh build
        the solution, start the PostgreSQL server and API that a benchmark needs, pass the options they set and record
        the results in docs/benchmarks.md. Run a script, unless you started the API yourself; each script's --help
        lists its options.

        Usage:
          {Command} ingest|digest-cycle|growth|metrics|statement [options]
          {Command} check COMMAND [options]

        Run a command with --help for its options. 'check' parses the options as COMMAND would and starts nothing. It
        exits with 0 when they are valid, or with 2 after printing the error.
        """;
}
