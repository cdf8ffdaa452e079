using TermSync.Invoices;

namespace TermSync.Grains.Customers;

/// <summary>One change of a customer's state, as its journal stores it.</summary>
[GenerateSerializer, Alias("termsync.CustomerChange")]
public abstract record CustomerChange
{
    /// <summary>Applies the change and returns false when it changes nothing, because a newer version was applied before.</summary>
    public abstract bool ApplyTo(CustomerState state);
}

/// <summary>A version of an invoice billed to the customer.</summary>
[GenerateSerializer, Alias("termsync.CustomerChange.InvoiceApplied")]
public sealed record InvoiceApplied([property: Id(0)] InvoiceSnapshot Invoice) : CustomerChange
{
    public override bool ApplyTo(CustomerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Book.Apply(Invoice))
        {
            return false;
        }

        state.Reference = Invoice.Customer;
        return true;
    }
}

/// <summary>An invoice that is now billed to another customer.</summary>
[GenerateSerializer, Alias("termsync.CustomerChange.InvoiceRemoved")]
public sealed record InvoiceRemoved(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string InvoiceNumber,
    [property: Id(2)] int Version) : CustomerChange
{
    public override bool ApplyTo(CustomerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Book.Remove(VendorId, InvoiceNumber, Version);
    }
}

/// <summary>The customer was added to the directory and its digest reminder registered.</summary>
[GenerateSerializer, Alias("termsync.CustomerChange.CustomerEnrolled")]
public sealed record CustomerEnrolled : CustomerChange
{
    public override bool ApplyTo(CustomerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var changed = !state.Enrolled;
        state.Enrolled = true;
        return changed;
    }
}
