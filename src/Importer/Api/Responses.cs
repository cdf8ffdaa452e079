namespace TermSync.Importer.Api;

/// <summary>Result of one invoice of a batch.</summary>
/// <param name="Outcome">"created", "updated", "unchanged", or <see cref="RejectedOutcome"/> with <paramref name="Errors"/> giving the reasons.</param>
/// <param name="Version">Version of the invoice after the batch, or null when a new invoice was rejected.</param>
/// <param name="Errors">Reasons for a rejection, or null.</param>
/// <param name="CustomerId">The network customer the invoice is billed to, or null when it was rejected.</param>
public sealed record InvoiceBatchResult(string InvoiceNumber, string Outcome, long? Version, IReadOnlyList<ItemError>? Errors = null, string? CustomerId = null)
{
    /// <summary>Outcome of an invoice that the server did not store, for example because it conflicts with a stored one.</summary>
    public const string RejectedOutcome = "rejected";

    /// <summary>The reasons of a rejection as one line, or null.</summary>
    public string? Error => Errors is null ? null : string.Join(" ", Errors.Select(error => $"{error.Field}: {error.Reason}"));
}

/// <summary>Why the server rejected an item: the field as a JSON path, its value and the fix.</summary>
public sealed record ItemError(string Field, string? Value, string Reason);

/// <summary>Response of POST /vendors/{vendorId}/invoices/batch, one result per invoice sent.</summary>
public sealed record InvoiceBatchResponse(IReadOnlyList<InvoiceBatchResult> Results);
