namespace TermSync.Importer.Replay;

/// <summary>
/// Kinds of replay events, in the order in which the replay sends the events of one business day.
/// </summary>
public enum ReplayEventKind
{
    InvoiceIssue = 0,
    DisputeOpen = 1,
    DisputeResolution = 2,
    Payment = 3,
}

/// <summary>
/// A dated business event on one invoice of one vendor. <see cref="Date"/> is the business date that the
/// event carries to the API, never the time at which the replay sends it.
/// </summary>
public abstract record ReplayEvent(DateOnly Date, string VendorId, string InvoiceNumber)
{
    /// <summary>Kind of the event, which also fixes its place among the events of the same day.</summary>
    public abstract ReplayEventKind Kind { get; }
}

/// <summary>
/// Issue of an invoice on <see cref="ReplayEvent.Date"/>.
/// </summary>
/// <param name="Currency">ISO 4217 code, such as "USD".</param>
/// <param name="Amount">Invoice total in <paramref name="Currency"/>, with no more decimals than its minor unit allows.</param>
/// <param name="DueDate">Date on which payment is due.</param>
public sealed record InvoiceIssue(
    DateOnly Date,
    string VendorId,
    string InvoiceNumber,
    CustomerProfile Customer,
    string Currency,
    decimal Amount,
    DateOnly DueDate) : ReplayEvent(Date, VendorId, InvoiceNumber)
{
    /// <inheritdoc />
    public override ReplayEventKind Kind => ReplayEventKind.InvoiceIssue;
}

/// <summary>
/// A dispute that the customer opens on <see cref="ReplayEvent.Date"/>.
/// </summary>
/// <param name="Reason">Dispute reason, such as "quantity". <see cref="DisputeConversations.ApiReasonFor"/> maps it to the API's code.</param>
/// <param name="Message">Free text that explains the dispute.</param>
/// <param name="RaisedBy">Name of the customer's contact who raised the dispute.</param>
public sealed record DisputeOpen(
    DateOnly Date,
    string VendorId,
    string InvoiceNumber,
    string Reason,
    string Message,
    string RaisedBy) : ReplayEvent(Date, VendorId, InvoiceNumber)
{
    /// <inheritdoc />
    public override ReplayEventKind Kind => ReplayEventKind.DisputeOpen;
}

/// <summary>
/// Resolution of the open dispute of an invoice on <see cref="ReplayEvent.Date"/>. The API stamps a resolution with
/// the time at which it receives it, so this date orders the replay but does not reach the server as a date.
/// </summary>
public sealed record DisputeResolution(
    DateOnly Date,
    string VendorId,
    string InvoiceNumber) : ReplayEvent(Date, VendorId, InvoiceNumber)
{
    /// <inheritdoc />
    public override ReplayEventKind Kind => ReplayEventKind.DisputeResolution;
}

/// <summary>
/// A payment received on <see cref="ReplayEvent.Date"/>.
/// </summary>
/// <param name="PaymentId">Id that makes a resent payment a no-op on the server.</param>
/// <param name="Amount">Amount paid, in the invoice currency.</param>
public sealed record Payment(
    DateOnly Date,
    string VendorId,
    string InvoiceNumber,
    string PaymentId,
    decimal Amount) : ReplayEvent(Date, VendorId, InvoiceNumber)
{
    /// <inheritdoc />
    public override ReplayEventKind Kind => ReplayEventKind.Payment;
}
