using TermSync.Invoices;

namespace TermSync.Grains.Customers;

/// <summary>
/// A customer's open invoices and their running totals per vendor and currency. Each change adjusts the
/// totals by the difference between the invoice's old and new contribution, so the totals always equal
/// the sum over <see cref="Open"/> without summing it again.
/// </summary>
[GenerateSerializer, Alias("termsync.OpenInvoiceBook")]
public sealed class OpenInvoiceBook
{
    /// <summary>Open invoices by invoice key; paid invoices leave the book.</summary>
    [Id(0)]
    public Dictionary<string, InvoiceSnapshot> Open { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Newest version applied of every invoice ever billed to the customer, open or not.</summary>
    [Id(1)]
    public Dictionary<string, int> Versions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Running totals keyed by vendor id and currency, as "vendorId|currency".</summary>
    [Id(2)]
    public Dictionary<string, VendorCurrencyTotal> Totals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Applies a snapshot and returns false when a version at least as new was applied before.</summary>
    public bool Apply(InvoiceSnapshot invoice)
    {
        var key = InvoiceKey.Format(invoice.VendorId, invoice.InvoiceNumber);
        if (!Accept(key, invoice.Version))
        {
            return false;
        }

        Withdraw(key);
        if (invoice.IsOpen)
        {
            Open[key] = invoice;
            Adjust(invoice, +1);
        }

        return true;
    }

    /// <summary>Returns whether <paramref name="invoice"/> is newer than every version of it applied before.</summary>
    public bool IsNewer(InvoiceSnapshot invoice) =>
        !Versions.TryGetValue(InvoiceKey.Format(invoice.VendorId, invoice.InvoiceNumber), out var applied) || applied < invoice.Version;

    /// <summary>Removes an invoice that is now billed to another customer, and returns false for an outdated request.</summary>
    public bool Remove(string vendorId, string invoiceNumber, int version)
    {
        var key = InvoiceKey.Format(vendorId, invoiceNumber);
        if (!Accept(key, version))
        {
            return false;
        }

        Withdraw(key);
        return true;
    }

    private bool Accept(string key, int version)
    {
        if (Versions.TryGetValue(key, out var applied) && applied >= version)
        {
            return false;
        }

        Versions[key] = version;
        return true;
    }

    private void Withdraw(string key)
    {
        if (Open.Remove(key, out var previous))
        {
            Adjust(previous, -1);
        }
    }

    private void Adjust(InvoiceSnapshot invoice, int sign)
    {
        var key = $"{invoice.VendorId}|{invoice.Currency}";
        var total = Totals.GetValueOrDefault(key, VendorCurrencyTotal.Zero)
            .Add(sign, sign * invoice.OpenAmount, sign * invoice.DisputedAmount);

        if (total.IsZero)
        {
            Totals.Remove(key);
        }
        else
        {
            Totals[key] = total;
        }
    }
}
