using TermSync.Importer.Generation;

namespace TermSync.Benchmarks.Ingest;

/// <summary>Settings of the bulk-ingest benchmark, read from the command line.</summary>
public sealed record IngestOptions
{
    public const string Usage =
        $$"""
        Measures how many invoices per second POST /vendors/{vendorId}/invoices/batch stores, and beside it
        two baselines on the same invoices: binary COPY into a plain table, and one WriteStateAsync per
        invoice through the Orleans ADO.NET grain storage.

        Usage:
          bash deploy/bench.sh [options]
          bash deploy/bench-scaleout.sh [options]
          {{Driver.Command}} ingest --api URL [options]

        The scripts build the solution, start PostgreSQL and the API, pass --api and --markdown themselves
        and record the results in docs/benchmarks.md. bench-scaleout.sh puts --customers 1000 --rounds 3
        --baselines no before your options. The last form runs only the driver, against an API you started.

        Options:
          --api URL               Root URL of a running TermSync API (required; the scripts set it).
          --seed N                Seed of the generated network. Default 1.
          --vendors N             Generated vendors, at least 2. Default 10.
          --customers N           Generated customers. Default 2000.
          --invoices-per-pair N   Invoices per vendor and customer pair. Default 3.
          --batch-size N          Invoices per request, 1 to 1000. Default 1000. A vendor's invoices
                                  that do not fill a last batch are not sent.
          --senders N             Requests in flight at once. Default 4.
          --warmup-rounds N       Rounds sent before measuring. Default 1.
          --rounds N              Measured rounds, at least 1. Default 3.
          --samples N             Stored invoices read back at the end. Default 200.
          --markdown FILE         Writes the results as Markdown to FILE (the scripts set it).
          --baselines yes|no      Runs the COPY and naive baselines after the API rounds. Default yes.

        Each round sends every generated invoice once, under invoice numbers that no earlier round used,
        so every round measures creates. The API key, when the API needs one, comes from the environment
        variable TERMSYNC_API_KEY. The connection string of the API's database comes from the environment
        variable ConnectionStrings__TermSync (required). After the API rounds and their checks, the driver
        runs the baselines on that database: it drops and creates the table ingest_copy_baseline, and it
        hosts a silo whose grain state rows carry the service id termsync-naive-baseline.
        """;

    /// <summary>Root URL of the API, ending in '/'.</summary>
    public required Uri Api { get; init; }

    /// <summary>Connection string of the API's database, which the baselines write to and pg_stat_statements is read from.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// Network to generate. Payments and disputes of the plan are not sent. The default generates about 2,100 invoices
    /// per vendor, so each round sends 2 batches of 1,000 per vendor, 20,000 invoices in all.
    /// </summary>
    public NetworkOptions Network { get; init; } = new() { Vendors = 10, Customers = 2000, InvoicesPerPair = 3 };

    /// <summary>Invoices per batch request, 1 to 1000. A vendor's invoices that do not fill a last batch are not sent.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Batch requests in flight at once.</summary>
    public int Senders { get; init; } = 4;

    /// <summary>Rounds sent before the measured ones, to compile code paths and fill connection pools.</summary>
    public int WarmupRounds { get; init; } = 1;

    /// <summary>Measured rounds, whose spread the report shows.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Acknowledged invoices picked at random and read back with GET at the end.</summary>
    public int Samples { get; init; } = 200;

    /// <summary>Whether the COPY and naive baselines run after the API rounds.</summary>
    public bool RunBaselines { get; init; } = true;

    /// <summary>File that receives the results as Markdown, or null.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Parses the arguments after the command name.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or is out of range, or the connection string is not set.</exception>
    public static IngestOptions Parse(IReadOnlyList<string> args)
    {
        var values = OptionValues.Parse(args, ["--api URL", "--seed N", "--vendors N", "--customers N", "--invoices-per-pair N", "--batch-size N", "--senders N", "--warmup-rounds N", "--rounds N", "--samples N", "--markdown FILE", "--baselines yes|no"]);
        if (values.Text("--api") is not { } api || !Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var apiUri))
        {
            throw new ArgumentException("The option --api is missing or not an absolute URL. Pass the API root, such as --api http://127.0.0.1:5080.");
        }

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TermSync") is { Length: > 0 } found
            ? found
            : throw new ArgumentException("The environment variable ConnectionStrings__TermSync is missing; set it to the connection string of the API's database.");

        var defaults = new IngestOptions { Api = apiUri, ConnectionString = connectionString };
        var options = defaults with
        {
            Network = defaults.Network with
            {
                Seed = values.Integer("--seed", defaults.Network.Seed, int.MinValue),
                Vendors = values.Integer("--vendors", defaults.Network.Vendors, 2),
                Customers = values.Integer("--customers", defaults.Network.Customers, 1),
                InvoicesPerPair = values.Integer("--invoices-per-pair", defaults.Network.InvoicesPerPair, 1),
            },
            BatchSize = values.Integer("--batch-size", defaults.BatchSize, 1, 1000),
            Senders = values.Integer("--senders", defaults.Senders, 1),
            WarmupRounds = values.Integer("--warmup-rounds", defaults.WarmupRounds, 0),
            Rounds = values.Integer("--rounds", defaults.Rounds, 1),
            Samples = values.Integer("--samples", defaults.Samples, 0),
            MarkdownPath = values.Text("--markdown"),
            RunBaselines = (values.Text("--baselines") ?? "yes") switch
            {
                "yes" => true,
                "no" => false,
                var other => throw new ArgumentException($"The option --baselines is '{other}'; pass yes or no."),
            },
        };
        options.Network.Validate();
        return options;
    }
}
