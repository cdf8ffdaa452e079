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

    /// <summary>The command contradicts the invoice's state, as <see cref="InvoiceCommandResult.Error"/> explains.</summary>
    Conflict = 3,

    /// <summary>The caller's expected version is not the current one, so the invoice changed since the caller read it.</summary>
    PreconditionFailed = 4,

    /// <summary>The command's input is invalid. <see cref="InvoiceCommandResult.Field"/> names the field and <see cref="InvoiceCommandResult.Error"/> gives the reason.</summary>
    Invalid = 5,
}

/// <summary>The outcome of an invoice command, with the invoice as it is after the command.</summary>
/// <param name="AppliedAmount">For a payment, the part applied to this invoice; the rest is the caller's to place elsewhere.</param>
/// <param name="Field">For an invalid command, the camelCase name of the input field at fault.</param>
[GenerateSerializer, Immutable, Alias("termsync.InvoiceCommandResult")]
public sealed record InvoiceCommandResult(
    [property: Id(0)] InvoiceCommandStatus Status,
    [property: Id(1)] InvoiceSnapshot? Invoice,
    [property: Id(2)] string? Error,
    [property: Id(3)] WriteOutcome? Outcome = null,
    [property: Id(4)] decimal AppliedAmount = 0m,
    [property: Id(5)] string? Field = null)
{
    public bool Succeeded => Status is InvoiceCommandStatus.Applied or InvoiceCommandStatus.Unchanged;

    public static InvoiceCommandResult Applied(InvoiceSnapshot invoice, WriteOutcome outcome, decimal appliedAmount = 0m) =>
        new(InvoiceCommandStatus.Applied, invoice, null, outcome, appliedAmount);

    public static InvoiceCommandResult Unchanged(InvoiceSnapshot invoice, decimal appliedAmount = 0m) =>
        new(InvoiceCommandStatus.Unchanged, invoice, null, WriteOutcome.Unchanged, appliedAmount);

    public static InvoiceCommandResult NotFound() => new(InvoiceCommandStatus.NotFound, null, "The invoice was never issued.");

    public static InvoiceCommandResult Conflict(InvoiceSnapshot? invoice, string error) => new(InvoiceCommandStatus.Conflict, invoice, error);

    public static InvoiceCommandResult Invalid(InvoiceSnapshot? invoice, string field, string error) =>
        new(InvoiceCommandStatus.Invalid, invoice, error, Field: field);

    public static InvoiceCommandResult PreconditionFailed(InvoiceSnapshot invoice, int expectedVersion) => new(
        InvoiceCommandStatus.PreconditionFailed,
        invoice,
        $"The invoice is at version {invoice.Version}, not {expectedVersion}; read it again and resend the change with If-Match: \"{invoice.Version}\".");
}
