using TermSync.Accounts;

namespace TermSync.Benchmarks.Statement;

/// <summary>One row of the conventional invoices table. Amounts are in the currency's major unit.</summary>
/// <param name="Status">"open" while something is owed (partly paid invoices included), else "paid", "void" or "written_off".</param>
public sealed record TableInvoice(
    string VendorId,
    string InvoiceNumber,
    string CustomerId,
    string Currency,
    decimal Amount,
    decimal OpenAmount,
    decimal DisputedAmount,
    DateOnly IssueDate,
    DateOnly DueDate,
    string Status);

/// <summary>A vendor of the generated network; each bills in one currency.</summary>
public sealed record StatementVendor(string Id, string Name, string Currency, int TermsDays)
{
    public string ContactEmail => $"ar@{Id}.example";
}

/// <summary>
/// Generates a seeded invoice network for the statement benchmark: a target customer with
/// <see cref="TargetVendorCount"/> × <see cref="TargetInvoicesPerVendor"/> open invoices, and the other invoices spread
/// over the network's other customers. The same seed, size and as-of date give the same invoices.
/// </summary>
public sealed class StatementNetwork
{
    public const int TargetVendorCount = 20;

    public const int TargetInvoicesPerVendor = 10;

    public const int TargetInvoiceCount = TargetVendorCount * TargetInvoicesPerVendor;

    /// <summary>Contact email of the target customer, from which TermSync derives its customer id.</summary>
    public const string TargetEmail = "payables@target-customer.example";

    private const int VendorCount = 200;

    private const int InvoicesPerCustomer = 20;

    private static readonly int[] PaymentTermsDays = [14, 30, 30, 45, 60];

    private StatementNetwork(int invoices, int seed, DateOnly asOf, IReadOnlyList<StatementVendor> vendors)
    {
        Invoices = invoices;
        Seed = seed;
        AsOf = asOf;
        Vendors = vendors;
    }

    /// <summary>Invoices in the whole network, the target customer's included.</summary>
    public int Invoices { get; }

    public int Seed { get; }

    /// <summary>Date the statement is read for, which decides what is past due. Issue dates fall in the two years before it.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The network's vendors; the first <see cref="TargetVendorCount"/> bill the target customer.</summary>
    public IReadOnlyList<StatementVendor> Vendors { get; }

    public IEnumerable<StatementVendor> TargetVendors => Vendors.Take(TargetVendorCount);

    /// <summary>Customers other than the target, over which the other invoices are spread.</summary>
    public int OtherCustomers => Math.Max(1, (Invoices - TargetInvoiceCount) / InvoicesPerCustomer);

    /// <summary>The target customer's id in TermSync, derived from its email as the customer accounts derive it.</summary>
    public static string TargetCustomerId { get; } = NetworkIdentity.DeriveCustomerId(NetworkIdentity.OfEmail(TargetEmail));

    /// <exception cref="ArgumentException"><paramref name="invoices"/> is below <see cref="TargetInvoiceCount"/>.</exception>
    public static StatementNetwork Create(int invoices, int seed, DateOnly asOf)
    {
        if (invoices < TargetInvoiceCount)
        {
            throw new ArgumentException($"The network has {invoices} invoices but needs at least {TargetInvoiceCount} for the target customer; pass a larger --invoices.");
        }

        var random = new Random(seed);
        var vendors = Enumerable.Range(1, VendorCount)
            .Select(number => new StatementVendor($"vendor-{number:D3}", $"Vendor {number:D3}", CurrencyOf(number), PaymentTermsDays[random.Next(PaymentTermsDays.Length)]))
            .ToList();
        return new StatementNetwork(invoices, seed, asOf, vendors);
    }

    /// <summary>Returns the target customer's invoices: all open, issued in the 90 days before the as-of date, so some are past due.</summary>
    public IReadOnlyList<TableInvoice> TargetInvoices()
    {
        // A seed apart from the one of the other invoices, so the target's invoices stay the same for any network size.
        var random = new Random(unchecked(Seed + 1_000_003));
        var invoices = new List<TableInvoice>(TargetInvoiceCount);
        foreach (var vendor in TargetVendors)
        {
            for (var number = 1; number <= TargetInvoicesPerVendor; number++)
            {
                var issueDate = AsOf.AddDays(-1 - random.Next(90));
                var amount = DrawAmount(vendor.Currency, random);
                invoices.Add(new TableInvoice(vendor.Id, $"TGT-{number:D4}", TargetCustomerId, vendor.Currency, amount, amount, 0m, issueDate, issueDate.AddDays(vendor.TermsDays), "open"));
            }
        }

        return invoices;
    }

    /// <summary>
    /// Streams every invoice of the network in table order: the other customers' invoices with the target's spread
    /// evenly among them, as invoices issued over time would lie in a table that was appended to.
    /// </summary>
    public IEnumerable<TableInvoice> AllInvoices()
    {
        var target = TargetInvoices();
        var others = Invoices - TargetInvoiceCount;
        var step = Math.Max(1, others / TargetInvoiceCount);
        var random = new Random(Seed);
        var vendorNumbers = new int[Vendors.Count];
        var targetIndex = 0;
        for (var index = 0; index < others; index++)
        {
            if (index % step == 0 && targetIndex < target.Count)
            {
                yield return target[targetIndex++];
            }

            var vendorIndex = random.Next(Vendors.Count);
            yield return OtherInvoice(Vendors[vendorIndex], ++vendorNumbers[vendorIndex], random);
        }

        while (targetIndex < target.Count)
        {
            yield return target[targetIndex++];
        }
    }

    /// <summary>
    /// Draws an invoice of another customer: 70 % paid, 2 % void, 2 % written off and 26 % open, of which a fifth is
    /// partly paid and a tenth disputed in part.
    /// </summary>
    private TableInvoice OtherInvoice(StatementVendor vendor, int number, Random random)
    {
        var customerId = $"customer-{random.Next(OtherCustomers):D7}";
        var issueDate = AsOf.AddDays(-1 - random.Next(730));
        var amount = DrawAmount(vendor.Currency, random);
        var draw = random.NextDouble();
        var (status, open, disputed) = draw switch
        {
            < 0.70 => ("paid", 0m, 0m),
            < 0.72 => ("void", 0m, 0m),
            < 0.74 => ("written_off", 0m, 0m),
            < 0.792 => ("open", Math.Round(amount / 2, vendor.Currency == "JPY" ? 0 : 2), 0m),
            < 0.818 => ("open", amount, Math.Round(amount / 4, vendor.Currency == "JPY" ? 0 : 2)),
            _ => ("open", amount, 0m),
        };
        return new TableInvoice(vendor.Id, $"INV-{number:D7}", customerId, vendor.Currency, amount, open, disputed, issueDate, issueDate.AddDays(vendor.TermsDays), status);
    }

    /// <summary>Returns 14 USD, 4 EUR and 2 JPY vendors in every 20, so the target customer's statement has three currencies.</summary>
    private static string CurrencyOf(int vendorNumber) => (vendorNumber % 20) switch
    {
        < 14 => "USD",
        < 18 => "EUR",
        _ => "JPY",
    };

    /// <summary>Draws an amount in whole minor units: cents for USD and EUR, whole yen for JPY.</summary>
    private static decimal DrawAmount(string currency, Random random) => currency == "JPY"
        ? random.Next(1_000, 4_000_000)
        : random.NextInt64(5_000, 2_500_000) / 100m;
}
