namespace TermSync.Invoices;

/// <summary>A dispute the customer opened on an invoice.</summary>
/// <param name="Reason">Reason code, for example "pricing" or "not-received".</param>
/// <param name="Message">The customer's words, shown to the vendor.</param>
/// <param name="ResolvedOn">Calendar date the dispute was resolved, or null while it is open.</param>
[GenerateSerializer, Immutable, Alias("termsync.DisputeRecord")]
public sealed record DisputeRecord(
    [property: Id(0)] DateOnly OpenedOn,
    [property: Id(1)] string Reason,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateOnly? ResolvedOn)
{
    /// <summary>Whether the dispute still holds the invoice out of the amount owed.</summary>
    public bool IsOpen => ResolvedOn is null;
}
