using TermSync.Grains.Storage;
using TermSync.Invoices;

namespace TermSync.Grains.Customers;

[GenerateSerializer, Alias("termsync.CustomerState")]
public sealed class CustomerState : IJournaledState
{
    /// <summary>Name and mailbox from the newest invoice billed to the customer.</summary>
    [Id(0)]
    public CustomerReference? Reference { get; set; }

    [Id(1)]
    public OpenInvoiceBook Book { get; set; } = new();

    /// <summary>Whether the customer was added to the directory and its digest reminder registered.</summary>
    [Id(2)]
    public bool Enrolled { get; set; }

    [Id(3)]
    public long JournalSequence { get; set; }
}
