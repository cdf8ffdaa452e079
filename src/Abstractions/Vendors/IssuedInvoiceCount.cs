namespace TermSync.Vendors;

/// <summary>How many of a vendor's invoices were issued in a date range, and how many of those were queried.</summary>
/// <param name="Issued">Invoices with an issue date in the range, void ones excluded.</param>
/// <param name="Queried">Those of them whose numbers were in the list of queried invoices.</param>
[GenerateSerializer, Immutable, Alias("termsync.IssuedInvoiceCount")]
public sealed record IssuedInvoiceCount(
    [property: Id(0)] int Issued,
    [property: Id(1)] int Queried);
