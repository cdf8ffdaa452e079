using TermSync.Importer.Replay;

namespace TermSync.Importer.Generation;

/// <summary>
/// Generates a deterministic network of vendors, customers shared between vendors, invoices, payments and
/// disputes from <see cref="NetworkOptions"/>. It uses integer minor units for money and one
/// <see cref="Random"/> seeded with <see cref="NetworkOptions.Seed"/>, so the same options give the same plan.
/// </summary>
public static class NetworkGenerator
{
    private static readonly int[] PaymentTermsDays = [14, 30, 30, 45, 60];

    /// <summary>Dispute reason codes of the API with a matching message.</summary>
    private static readonly (string Reason, string Message)[] Disputes =
    [
        ("pricing", "Price differs from the purchase order"),
        ("quantity", "Quantity delivered differs from the invoice"),
        ("damagedGoods", "Goods arrived damaged"),
        ("notReceived", "Goods were not received"),
        ("duplicateBilling", "Invoice bills an order that was already invoiced"),
        ("other", "Customer disputes the invoice"),
    ];

    /// <summary>
    /// Generates the network. Each customer buys from <see cref="NetworkOptions.MinVendorsPerCustomer"/> to
    /// <see cref="NetworkOptions.MaxVendorsPerCustomer"/> distinct vendors, and the first customer from at
    /// least 3 when the options allow it, so statements always span vendors. No event is dated after
    /// <see cref="NetworkOptions.LastDate"/>.
    /// </summary>
    /// <remarks>
    /// Vendor ids (vendor-001, ...) and invoice numbers (INV-000001, ... per vendor) depend only on the
    /// position in the network. So a network generated with other options reuses the ids of an earlier one
    /// with other amounts and dates, and the API rejects it when replayed into the same database.
    /// </remarks>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static ReplayPlan Generate(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var random = new Random(options.Seed);
        var vendors = Enumerable.Range(1, options.Vendors).Select(number => CreateVendor(number, random, options)).ToList();
        var events = new List<ReplayEvent>();

        for (var customerNumber = 1; customerNumber <= options.Customers; customerNumber++)
        {
            var customer = CreateCustomer(customerNumber);
            foreach (var vendorIndex in PickVendors(customerNumber, random, options))
            {
                var vendor = vendors[vendorIndex];
                for (var invoice = 0; invoice < options.InvoicesPerPair; invoice++)
                {
                    events.AddRange(CreateInvoiceEvents(vendor, customer, random, options));
                }
            }
        }

        var dated = events.Where(e => e.Date <= options.LastDate);
        return new ReplayPlan(vendors.Select(vendor => vendor.Profile), dated);
    }

    private static GeneratedVendor CreateVendor(int number, Random random, NetworkOptions options)
    {
        var currency = random.NextDouble() < options.ForeignCurrencyShare
            ? (random.Next(2) == 0 ? Currencies.Eur : Currencies.Jpy)
            : Currencies.Usd;
        var timeZone = currency switch
        {
            Currencies.Eur => "Europe/Berlin",
            Currencies.Jpy => "Asia/Tokyo",
            _ => "America/New_York",
        };
        var id = $"vendor-{number:D3}";
        var profile = new VendorProfile(id, $"Vendor {number:D3}", $"ar@{id}.example", timeZone);
        var termsDays = PaymentTermsDays[random.Next(PaymentTermsDays.Length)];
        return new GeneratedVendor(profile, currency, termsDays);
    }

    private static CustomerProfile CreateCustomer(int number)
    {
        var id = $"customer-{number:D4}";
        return new CustomerProfile(id, $"Customer {number:D4}", $"ap@{id}.example");
    }

    /// <summary>Picks distinct vendor indexes in ascending order with a partial Fisher-Yates shuffle.</summary>
    private static int[] PickVendors(int customerNumber, Random random, NetworkOptions options)
    {
        var maximum = Math.Min(options.MaxVendorsPerCustomer, options.Vendors);
        var count = random.Next(options.MinVendorsPerCustomer, maximum + 1);
        if (customerNumber == 1 && maximum >= 3)
        {
            count = Math.Max(count, 3);
        }

        var indexes = Enumerable.Range(0, options.Vendors).ToArray();
        for (var position = 0; position < count; position++)
        {
            var swapWith = random.Next(position, indexes.Length);
            (indexes[position], indexes[swapWith]) = (indexes[swapWith], indexes[position]);
        }

        return indexes[..count].Order().ToArray();
    }

    /// <summary>
    /// Creates the issue of one invoice and its later events: an optional dispute with its resolution, then
    /// an optional payment (in one or two installments) no earlier than the resolution.
    /// </summary>
    private static IEnumerable<ReplayEvent> CreateInvoiceEvents(
        GeneratedVendor vendor, CustomerProfile customer, Random random, NetworkOptions options)
    {
        var invoiceNumber = vendor.NextInvoiceNumber();
        var issuedOn = options.StartDate.AddDays(random.Next(options.Days));
        var dueOn = issuedOn.AddDays(vendor.TermsDays);
        var amountInMinorUnits = DrawAmountInMinorUnits(vendor.Currency, random);
        var vendorId = vendor.Profile.Id;

        var events = new List<ReplayEvent>
        {
            new InvoiceIssue(issuedOn, vendorId, invoiceNumber, customer, vendor.Currency,
                Currencies.FromMinorUnits(amountInMinorUnits, vendor.Currency), dueOn),
        };

        var payableFrom = issuedOn;
        if (random.NextDouble() < options.DisputeShare)
        {
            var openedOn = issuedOn.AddDays(random.Next(1, 15));
            var resolvedOn = openedOn.AddDays(random.Next(3, 45));
            var (reason, message) = Disputes[random.Next(Disputes.Length)];
            events.Add(new DisputeOpen(openedOn, vendorId, invoiceNumber, reason, message, customer.Name));
            events.Add(new DisputeResolution(resolvedOn, vendorId, invoiceNumber));
            payableFrom = resolvedOn;
        }

        if (random.NextDouble() < options.PaymentShare)
        {
            var paidOn = Later(dueOn.AddDays(random.Next(-20, 41)), payableFrom);
            if (amountInMinorUnits >= 2 && random.NextDouble() < options.InstallmentShare)
            {
                var firstPart = Math.Clamp(amountInMinorUnits * random.Next(30, 71) / 100, 1, amountInMinorUnits - 1);
                var secondPaidOn = paidOn.AddDays(random.Next(7, 31));
                events.Add(CreatePayment(vendor, invoiceNumber, 1, firstPart, paidOn));
                events.Add(CreatePayment(vendor, invoiceNumber, 2, amountInMinorUnits - firstPart, secondPaidOn));
            }
            else
            {
                events.Add(CreatePayment(vendor, invoiceNumber, 1, amountInMinorUnits, paidOn));
            }
        }

        return events;
    }

    private static Payment CreatePayment(GeneratedVendor vendor, string invoiceNumber, int installment, long minorUnits, DateOnly paidOn) =>
        new(paidOn, vendor.Profile.Id, invoiceNumber, $"{invoiceNumber}-payment-{installment}",
            Currencies.FromMinorUnits(minorUnits, vendor.Currency));

    /// <summary>
    /// Draws an amount in minor units from one of three size tiers (small, medium, large), using integers only
    /// so the amounts do not depend on floating-point rounding.
    /// </summary>
    private static long DrawAmountInMinorUnits(string currency, Random random)
    {
        (long Minimum, long Maximum)[] tiers = currency == Currencies.Jpy
            ? [(1_000, 10_000), (10_000, 100_000), (100_000, 4_000_000)]
            : [(5_000, 50_000), (50_000, 500_000), (500_000, 2_500_000)];
        var (minimum, maximum) = tiers[random.Next(tiers.Length)];
        return random.NextInt64(minimum, maximum);
    }

    private static DateOnly Later(DateOnly first, DateOnly second) => first > second ? first : second;

    private sealed class GeneratedVendor(VendorProfile profile, string currency, int termsDays)
    {
        private int _lastInvoiceSequence;

        public VendorProfile Profile { get; } = profile;

        public string Currency { get; } = currency;

        public int TermsDays { get; } = termsDays;

        public string NextInvoiceNumber() => $"INV-{++_lastInvoiceSequence:D6}";
    }
}
