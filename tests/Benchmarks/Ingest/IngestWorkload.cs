using TermSync.Importer.Api;
using TermSync.Importer.Generation;
using TermSync.Importer.Replay;

namespace TermSync.Benchmarks.Ingest;

/// <summary>One batch request: up to 1000 invoices of one vendor.</summary>
public sealed record InvoiceBatch(string VendorId, IReadOnlyList<InvoiceRequest> Invoices);

/// <summary>
/// The vendors and invoices of a generated network, cut into batches. The plan's payments and disputes are left
/// out, so every request of a round creates invoices.
/// </summary>
public sealed class IngestWorkload
{
    private readonly IReadOnlyList<InvoiceIssue> _issues;
    private readonly int _batchSize;

    private IngestWorkload(IReadOnlyList<RegisterVendorRequest> vendors, IReadOnlyList<InvoiceIssue> issues, int batchSize)
    {
        Vendors = vendors;
        _issues = issues;
        _batchSize = batchSize;
    }

    /// <summary>Vendors to register before the first round.</summary>
    public IReadOnlyList<RegisterVendorRequest> Vendors { get; }

    /// <summary>Invoices sent in each round.</summary>
    public int InvoicesPerRound => _issues.Count;

    /// <summary>Generates the network of <paramref name="options"/>.</summary>
    public static IngestWorkload Create(IngestOptions options)
    {
        var plan = NetworkGenerator.Generate(options.Network);
        var vendors = plan.Vendors.Select(vendor => new RegisterVendorRequest(vendor.Id, vendor.Name, vendor.ContactEmail, vendor.TimeZone)).ToList();
        var issues = plan.Events.OfType<InvoiceIssue>().ToList();
        return new IngestWorkload(vendors, issues, options.BatchSize);
    }

    /// <summary>
    /// Returns the batches of one round. Invoice numbers start with <paramref name="roundTag"/>, such as "R1-INV-000001",
    /// so no two rounds send the same invoice. Batches alternate between vendors, so concurrent senders work on
    /// different vendors.
    /// </summary>
    public IReadOnlyList<InvoiceBatch> BatchesFor(string roundTag)
    {
        var perVendor = _issues
            .GroupBy(issue => issue.VendorId, StringComparer.Ordinal)
            .Select(group => group.Select(issue => ToRequest(issue, roundTag)).Chunk(_batchSize).Select(chunk => new InvoiceBatch(group.Key, chunk)).ToList())
            .ToList();

        var batches = new List<InvoiceBatch>();
        for (var position = 0; perVendor.Any(vendorBatches => position < vendorBatches.Count); position++)
        {
            batches.AddRange(perVendor.Where(vendorBatches => position < vendorBatches.Count).Select(vendorBatches => vendorBatches[position]));
        }

        return batches;
    }

    private static InvoiceRequest ToRequest(InvoiceIssue issue, string roundTag) => new(
        $"{roundTag}-{issue.InvoiceNumber}",
        new CustomerRequest(issue.Customer.Id, issue.Customer.Name, issue.Customer.Email),
        issue.Currency,
        issue.Amount,
        issue.Date,
        issue.DueDate);
}
