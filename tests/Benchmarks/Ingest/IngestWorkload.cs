using TermSync.Importer.Api;
using TermSync.Importer.Generation;
using TermSync.Importer.Replay;

namespace TermSync.Benchmarks.Ingest;

/// <summary>One batch request: the invoices of one vendor.</summary>
public sealed record InvoiceBatch(string VendorId, IReadOnlyList<InvoiceRequest> Invoices);

/// <summary>
/// The vendors and invoices of a generated network, cut into batches of one size. The plan's payments and disputes
/// are left out, so every request of a round creates invoices. A vendor's last invoices that do not fill a batch are
/// left out too, so every batch has the same size and batch latencies can be compared.
/// </summary>
public sealed class IngestWorkload
{
    private readonly IReadOnlyList<IReadOnlyList<InvoiceIssue[]>> _batchesPerVendor;

    private IngestWorkload(IReadOnlyList<RegisterVendorRequest> vendors, IReadOnlyList<IReadOnlyList<InvoiceIssue[]>> batchesPerVendor, int generated)
    {
        Vendors = vendors;
        _batchesPerVendor = batchesPerVendor;
        InvoicesPerRound = batchesPerVendor.Sum(batches => batches.Sum(batch => batch.Length));
        InvoicesLeftOut = generated - InvoicesPerRound;
    }

    /// <summary>Vendors to register before the first round.</summary>
    public IReadOnlyList<RegisterVendorRequest> Vendors { get; }

    /// <summary>Invoices sent in each round.</summary>
    public int InvoicesPerRound { get; }

    /// <summary>Generated invoices that are not sent because they do not fill a vendor's last batch.</summary>
    public int InvoicesLeftOut { get; }

    /// <summary>Generates the network of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">No vendor of the network has enough invoices to fill one batch.</exception>
    public static IngestWorkload Create(IngestOptions options)
    {
        var plan = NetworkGenerator.Generate(options.Network);
        var vendors = plan.Vendors.Select(vendor => new RegisterVendorRequest(vendor.Id, vendor.Name, vendor.ContactEmail, vendor.TimeZone)).ToList();
        var issues = plan.Events.OfType<InvoiceIssue>().ToList();
        var batchesPerVendor = issues
            .GroupBy(issue => issue.VendorId, StringComparer.Ordinal)
            .Select(group => (IReadOnlyList<InvoiceIssue[]>)[.. group.Chunk(options.BatchSize).Where(batch => batch.Length == options.BatchSize)])
            .ToList();

        var workload = new IngestWorkload(vendors, batchesPerVendor, issues.Count);
        if (workload.InvoicesPerRound == 0)
        {
            throw new ArgumentException(
                $"No vendor of the generated network has {options.BatchSize} invoices to fill a batch. Raise --customers or --invoices-per-pair, or lower --vendors or --batch-size.");
        }

        return workload;
    }

    /// <summary>
    /// Returns the batches of one round. Invoice numbers start with <paramref name="roundTag"/>, such as "R1-INV-000001",
    /// so no two rounds send the same invoice. Batches alternate between vendors, so concurrent senders work on
    /// different vendors.
    /// </summary>
    public IReadOnlyList<InvoiceBatch> BatchesFor(string roundTag)
    {
        var batches = new List<InvoiceBatch>();
        for (var position = 0; _batchesPerVendor.Any(vendorBatches => position < vendorBatches.Count); position++)
        {
            batches.AddRange(_batchesPerVendor
                .Where(vendorBatches => position < vendorBatches.Count)
                .Select(vendorBatches => vendorBatches[position])
                .Select(batch => new InvoiceBatch(batch[0].VendorId, [.. batch.Select(issue => ToRequest(issue, roundTag))])));
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
