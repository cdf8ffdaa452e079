namespace TermSync.Invoices;

/// <summary>
/// The string key of an invoice grain: the vendor id, a '/', then the invoice number as the vendor
/// wrote it. Vendor ids contain no '/', so the first '/' always separates the two parts.
/// </summary>
public static class InvoiceKey
{
    /// <summary>Builds the key of one vendor's invoice.</summary>
    public static string Format(string vendorId, string invoiceNumber) => $"{vendorId}/{invoiceNumber}";

    /// <summary>Splits a key built by <see cref="Format"/> into vendor id and invoice number.</summary>
    public static (string VendorId, string InvoiceNumber) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new FormatException($"Invoice key '{key}' is not of the form 'vendorId/invoiceNumber'.");
        }

        return (key[..separator], key[(separator + 1)..]);
    }
}
