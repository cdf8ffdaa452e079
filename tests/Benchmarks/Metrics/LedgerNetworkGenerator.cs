namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// Generates a receivables network straight as ledger rows: vendors with skewed sizes, customers, invoices issued
/// uniformly over <see cref="LedgerNetworkOptions.SpanDays"/> days, and each invoice's later entries from
/// <see cref="InvoiceLifecycle"/>. One <see cref="Random"/> seeded with <see cref="LedgerNetworkOptions.Seed"/> draws
/// everything and money is drawn in integer minor units, so the same options give the same rows.
/// </summary>
public static class LedgerNetworkGenerator
{
    /// <summary>Exponent of the vendor size distribution: the vendor of rank k gets a share proportional to k^-0.8.</summary>
    private const double VendorSizeExponent = 0.8;

    private static readonly int[] PaymentTermsDays = [14, 30, 30, 45, 60];

    public static GeneratedLedger Generate(LedgerNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var vendors = Enumerable.Range(1, options.Vendors).Select(number => CreateVendor(number, random)).ToList();
        var invoices = CreateInvoices(options, vendors, random);

        var rows = new List<GeneratedRow>(options.Invoices * 5 / 2);
        var creditNotes = new int[vendors.Count];
        var lastDay = options.LastDate.DayNumber;
        for (var index = 0; index < invoices.Length; index++)
        {
            var invoice = invoices[index];
            var currency = vendors[invoice.Vendor].Currency;
            InvoiceLifecycle.AppendRows(rows, index, invoice, DrawMinorUnits(currency, random), lastDay, ref creditNotes[invoice.Vendor], random);
        }

        return new GeneratedLedger(options, vendors, invoices, InAppendOrder(rows));
    }

    private static GeneratedVendor CreateVendor(int number, Random random)
    {
        var draw = random.NextDouble();
        var (currency, timeZone) = draw switch
        {
            < 0.80 => ("USD", "America/New_York"),
            < 0.92 => ("EUR", "Europe/Berlin"),
            _ => ("JPY", "Asia/Tokyo"),
        };
        var id = $"vendor-{number:D3}";
        return new GeneratedVendor(id, $"Vendor {number:D3}", $"ar@{id}.example", timeZone, currency, PaymentTermsDays[random.Next(PaymentTermsDays.Length)]);
    }

    /// <summary>
    /// Draws each invoice's vendor, customer and issue date, then numbers each vendor's invoices in issue-date order, as a
    /// vendor's billing system would.
    /// </summary>
    private static GeneratedInvoice[] CreateInvoices(LedgerNetworkOptions options, IReadOnlyList<GeneratedVendor> vendors, Random random)
    {
        var cumulativeShares = new double[vendors.Count];
        var total = 0.0;
        for (var rank = 0; rank < vendors.Count; rank++)
        {
            total += Math.Pow(rank + 1, -VendorSizeExponent);
            cumulativeShares[rank] = total;
        }

        var firstDay = options.FirstDate.DayNumber;
        var invoices = new GeneratedInvoice[options.Invoices];
        var order = new long[options.Invoices];
        for (var index = 0; index < invoices.Length; index++)
        {
            var vendor = Array.BinarySearch(cumulativeShares, random.NextDouble() * total);
            vendor = Math.Min(vendor < 0 ? ~vendor : vendor, vendors.Count - 1);
            var issueDay = firstDay + random.Next(LedgerNetworkOptions.SpanDays);
            invoices[index] = new GeneratedInvoice(vendor, random.Next(options.Customers), 0, issueDay, issueDay + vendors[vendor].TermsDays);
            order[index] = ((long)issueDay << 32) | (uint)index;
        }

        Array.Sort(order, invoices);
        var numbers = new int[vendors.Count];
        for (var index = 0; index < invoices.Length; index++)
        {
            invoices[index] = invoices[index] with { Number = ++numbers[invoices[index].Vendor] };
        }

        return invoices;
    }

    /// <summary>Draws an amount from one of three size tiers (small, medium, large), in minor units.</summary>
    private static long DrawMinorUnits(string currency, Random random)
    {
        (long Minimum, long Maximum)[] tiers = currency == "JPY"
            ? [(1_000, 10_000), (10_000, 100_000), (100_000, 4_000_000)]
            : [(5_000, 50_000), (50_000, 500_000), (500_000, 2_500_000)];
        var (minimum, maximum) = tiers[random.Next(tiers.Length)];
        return random.NextInt64(minimum, maximum);
    }

    /// <summary>
    /// Sorts the rows by the day they were recorded, keeping the generation order within a day. Each invoice's rows were
    /// generated in the order its grain appends them, with recorded days that never decrease, so that order survives.
    /// </summary>
    private static GeneratedRow[] InAppendOrder(List<GeneratedRow> generated)
    {
        var rows = generated.ToArray();
        var keys = new long[rows.Length];
        for (var index = 0; index < rows.Length; index++)
        {
            keys[index] = ((long)rows[index].RecordedDay << 32) | (uint)index;
        }

        Array.Sort(keys, rows);
        return rows;
    }
}
