using System.Globalization;

namespace TermSync.Benchmarks.Growth;

/// <summary>Settings of the growth benchmark, read from the command line.</summary>
public sealed record GrowthOptions
{
    public const string Usage =
        $"""
        Measures the memory of a silo hosted in this process: bytes per new customer and per invoice
        activation, and the silo with a large network issued and then with its idle grains deactivated.

        Usage:
          bash deploy/bench-growth.sh [options]
          {Driver.Command} growth [options]

        The script builds the solution, passes --markdown itself and records the results in docs/benchmarks.md.
        The second form runs only the driver.

        Options:
          --sizes N,N,...              Customers activated in each measured step, comma-separated. Each step
                                       issues one invoice to each of them; two sizes show whether the bytes
                                       per activation stay the same. Default 20000,40000.
          --rounds N                   Rounds of the steps at every size, at least 1. Default 3.
          --invoices N                 Invoices of the network issued after the rounds. Default 1000000.
          --invoices-per-customer N    Invoices of each network customer. Default 10.
          --vendors N                  Vendors that bill the customers in turn. Default 100. Each vendor has
                                       16 ledger shard grains whose snapshots list every invoice they count,
                                       so fewer vendors make each snapshot larger.
          --concurrency N              Invoices issued at the same time. Default 64.
          --markdown FILE              Writes the results as Markdown to FILE (the script sets it).

        Grain state and the receivables ledger are serialized and then dropped, so the process keeps no
        stored state; reminders are kept in memory.
        """;

    /// <summary>Sizes of the measured steps, in customers. Each step issues one invoice to each customer.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [20_000, 40_000];

    /// <summary>Rounds of the measured steps at every size.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Invoices of the network issued after the rounds.</summary>
    public int Invoices { get; init; } = 1_000_000;

    /// <summary>Invoices of each network customer.</summary>
    public int InvoicesPerCustomer { get; init; } = 10;

    /// <summary>Vendors that bill the customers in turn. Fewer vendors give each vendor ledger shard more invoices to serialize on every write.</summary>
    public int Vendors { get; init; } = 100;

    /// <summary>Invoices issued at the same time.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>File that receives the results as Markdown, or null.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>Customers of the network; the last one gets fewer invoices when the invoice count does not divide evenly.</summary>
    public int NetworkCustomers => (Invoices + InvoicesPerCustomer - 1) / InvoicesPerCustomer;

    /// <summary>Parses the arguments after the command name.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or is out of range.</exception>
    public static GrowthOptions Parse(IReadOnlyList<string> args)
    {
        var values = OptionValues.Parse(args, ["--sizes N,N,...", "--rounds N", "--invoices N", "--invoices-per-customer N", "--vendors N", "--concurrency N", "--markdown FILE"]);
        var defaults = new GrowthOptions();
        return new GrowthOptions
        {
            Sizes = values.Text("--sizes") is { } sizes ? ParseSizes(sizes) : defaults.Sizes,
            Rounds = values.Integer("--rounds", defaults.Rounds, 1, 100),
            Invoices = values.Integer("--invoices", defaults.Invoices, 1),
            InvoicesPerCustomer = values.Integer("--invoices-per-customer", defaults.InvoicesPerCustomer, 1, 10_000),
            Vendors = values.Integer("--vendors", defaults.Vendors, 1, 1_000),
            Concurrency = values.Integer("--concurrency", defaults.Concurrency, 1, 4096),
            MarkdownPath = values.Text("--markdown"),
        };
    }

    private static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new ArgumentException($"The option --sizes is '{text}' but must be whole numbers above 0 separated by commas, such as 20000,40000.");
            }

            sizes.Add(size);
        }

        return sizes;
    }
}
