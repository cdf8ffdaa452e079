namespace TermSync.Invoices;

/// <summary>The string key of an invoice grain: "vendorId/invoiceNumber", as built by <see cref="VendorScopedKey"/>.</summary>
public static class InvoiceKey
{
    /// <summary>Builds the key of one vendor's invoice.</summary>
    public static string Format(string vendorId, string invoiceNumber) => VendorScopedKey.Format(vendorId, invoiceNumber);

    /// <summary>Splits a key built by <see cref="Format"/> into vendor id and invoice number.</summary>
    public static (string VendorId, string InvoiceNumber) Parse(string key) => VendorScopedKey.Parse(key);
}
