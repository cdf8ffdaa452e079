namespace TermSync.Importer.Api;

/// <summary>Result of one invoice of a batch.</summary>
/// <param name="Outcome">"created", "updated", "unchanged", or <see cref="RejectedOutcome"/> with <paramref name="Error"/> giving the reason.</param>
/// <param name="Version">Version of the invoice after the batch, or null when a new invoice was rejected.</param>
/// <param name="Error">Reason for a rejection, or null.</param>
public sealed record InvoiceBatchResult(string InvoiceNumber, string Outcome, long? Version, string? Error = null)
{
    /// <summary>Outcome of an invoice that the server did not store, for example because it conflicts with a stored one.</summary>
    public const string RejectedOutcome = "rejected";
}

/// <summary>Response of POST /vendors/{vendorId}/invoices/batch, one result per invoice sent.</summary>
public sealed record InvoiceBatchResponse(IReadOnlyList<InvoiceBatchResult> Results);
