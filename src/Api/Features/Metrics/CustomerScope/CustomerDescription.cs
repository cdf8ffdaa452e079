namespace TermSync.Api.Features.Metrics.CustomerScope;

/// <summary>The parts of the customer receivables endpoints' descriptions that several of them share.</summary>
internal static class CustomerDescription
{
    /// <summary>The rule that assigns invoices to a customer, the same on every customer route.</summary>
    public const string Membership =
        "customerId is the network customer id that the invoice responses return. An invoice counts for the customer it was last billed to, " +
        "at every as-of date, so an invoice moved to another customer leaves this customer's past figures too. ";

    /// <summary>The keys and invoices of a vendor's routes for one customer.</summary>
    public const string VendorShare =
        "The admin key or the vendor's own key. Another vendor's key gets the same 404 as an unknown vendor. " +
        "Covers only the vendor's invoices billed to the customer, the vendor's share of what the customer owes. " + Membership +
        "A customer without such invoices, including one that no vendor has billed, gets empty currencies lists rather than 404, " +
        "so a vendor cannot tell whether other vendors bill a customer. ";

    /// <summary>The keys and invoices of the analysts' routes for one customer.</summary>
    public const string AllVendors =
        "The admin key or an analyst key. Covers the invoices that every vendor billed to the customer, per currency. " +
        "vendors lists each vendor's share, ordered by vendor id: its vendorId and the figures of its own invoices. " +
        "It names each vendor with an invoice that the figures at that date read. " +
        "Money amounts and invoice counts of the shares add up to the customer's, except the countback's periods and invoice count. " +
        "Ratios and day figures such as DSO and CEI do not. " + Membership +
        "A customer that no vendor has billed gets 404. ";
}
