namespace TermSync.Invoices;

/// <summary>How an invoice command ended.</summary>
[GenerateSerializer, Alias("termsync.InvoiceCommandStatus")]
public enum InvoiceCommandStatus
{
    /// <summary>The command changed the invoice, or created it.</summary>
    Applied = 0,

    /// <summary>The command repeated one already applied, so nothing changed.</summary>
    Unchanged = 1,

    /// <summary>The invoice was never issued.</summary>
    NotFound = 2,

    /// <summary>The command contradicts the invoice's state; <see cref="InvoiceCommandResult.Error"/> says how.</summary>
    Conflict = 3,
}

/// <summary>The outcome of an invoice command, with the invoice as it is after the command.</summary>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceCommandResult")]
public sealed record InvoiceCommandResult(
    [property: Id(0)] InvoiceCommandStatus Status,
    [property: Id(1)] InvoiceSnapshot? Invoice,
    [property: Id(2)] string? Error,
    [property: Id(3)] WriteOutcome? Outcome = null)
{
    public static InvoiceCommandResult Applied(InvoiceSnapshot invoice, WriteOutcome outcome) => new(InvoiceCommandStatus.Applied, invoice, null, outcome);

    public static InvoiceCommandResult Unchanged(InvoiceSnapshot invoice) => new(InvoiceCommandStatus.Unchanged, invoice, null, WriteOutcome.Unchanged);

    public static InvoiceCommandResult NotFound() => new(InvoiceCommandStatus.NotFound, null, "The invoice was never issued.");

    public static InvoiceCommandResult Conflict(InvoiceSnapshot? invoice, string error) => new(InvoiceCommandStatus.Conflict, invoice, error);
}
