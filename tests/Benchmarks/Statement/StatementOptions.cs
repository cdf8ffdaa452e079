namespace TermSync.Benchmarks.Statement;

/// <summary>Options of the "statement" command.</summary>
public sealed record StatementOptions(Uri Api, string ConnectionString, string MarkdownPath, int Invoices, int Seed, DateOnly AsOf, int Rounds, int Reads, int WarmupReads)
{
    public const string Usage =
        $$"""
        Writes a generated network of invoices into a plain, well-indexed invoices table with a binary COPY, loads the
        target customer's 200 open invoices of 20 vendors into a running API, then times the customer's statement read
        both ways, alternating in each round:
          live  GET /customers/{customerId}/statement?asOf=DATE   (the customer grain's running aggregate)
          sql   the same statement computed from the invoices table by Npgsql

        Usage:
          bash deploy/bench-statement.sh [options]
          {{Driver.Command}} statement --api URL --markdown FILE [options]

        The script builds the solution, starts PostgreSQL and the API, passes --api and --markdown itself and records
        the results in docs/benchmarks.md. The second form runs only the driver, against an API you started.

        Options:
          --api URL            Root URL of the API with a co-hosted silo (required; the script sets it).
          --markdown FILE      Writes the results as Markdown (required; the script sets it).
          --invoices N         Invoices in the table, the target customer's 200 included. Default 1000000.
          --seed N             Seed of the generator. Default 1.
          --as-of YYYY-MM-DD   Date the statement is read for. Default today (UTC).
          --rounds N           Measured rounds; each times both reads. Default 3.
          --reads N            Reads of each kind per round. Default 300.
          --warmup-reads N     Reads of each kind before round 1, not counted. Default 100.

        The API key comes from TERMSYNC_API_KEY and the database connection string from ConnectionStrings__TermSync.
        The command drops and creates the tables invoices and vendors in that database.
        """;

    /// <exception cref="ArgumentException">An option is missing, unknown or out of range, or the connection string is not set.</exception>
    public static StatementOptions Parse(IReadOnlyList<string> args, DateOnly today)
    {
        var values = OptionValues.Parse(args, ["--api URL", "--markdown FILE", "--invoices N", "--seed N", "--as-of YYYY-MM-DD", "--rounds N", "--reads N", "--warmup-reads N"]);
        var api = values.RequiredText("--api", "http://127.0.0.1:5080");
        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var apiUri))
        {
            throw new ArgumentException($"The option --api is '{api}', which is not an absolute URL. Pass the API root, such as --api http://127.0.0.1:5080.");
        }

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__TermSync") is { Length: > 0 } found
            ? found
            : throw new ArgumentException("The environment variable ConnectionStrings__TermSync is missing; set it to the database's connection string.");
        return new StatementOptions(
            apiUri,
            connectionString,
            values.RequiredText("--markdown", "var/bench-statement/results.md"),
            values.Integer("--invoices", 1_000_000, StatementNetwork.TargetInvoiceCount),
            values.Integer("--seed", 1, int.MinValue),
            values.Date("--as-of", today),
            values.Integer("--rounds", 3, 1, 100),
            values.Integer("--reads", 300, 1),
            values.Integer("--warmup-reads", 100, 0));
    }
}
