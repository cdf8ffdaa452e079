namespace TermSync.Api.Portal.Statements;

/// <summary>How the statement page narrows and orders the open invoices.</summary>
/// <param name="VendorId">Only this vendor's invoices; null for all vendors.</param>
/// <param name="PastDueOnly">Only invoices past their due date.</param>
/// <param name="DisputedOnly">Only invoices under review in a dispute.</param>
public sealed record StatementFilter(string? VendorId, bool PastDueOnly, bool DisputedOnly, StatementSort Sort)
{
    public static StatementFilter All { get; } = new(null, false, false, StatementSort.DueDate);

    /// <summary>Whether the filter leaves invoices out.</summary>
    public bool Narrows => VendorId is not null || PastDueOnly || DisputedOnly;
}

/// <summary>Orders of the invoices within each vendor.</summary>
public enum StatementSort
{
    /// <summary>Earliest due date first.</summary>
    DueDate = 0,

    /// <summary>Most days past due first.</summary>
    DaysPastDue = 1,

    /// <summary>Largest amount owed first.</summary>
    Owed = 2,

    /// <summary>Invoice number in ordinal order.</summary>
    InvoiceNumber = 3,
}
