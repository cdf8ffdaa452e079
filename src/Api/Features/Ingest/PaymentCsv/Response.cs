using TermSync.Ingest.Csv;
using TermSync.Payments;

namespace TermSync.Api.Features.Ingest.PaymentCsv;

/// <summary>What the upload did to each payment, in file order, with counts per outcome.</summary>
/// <param name="Results">One result per payment reference, and one per row rejected while the file was read.</param>
public sealed record Response(IReadOnlyList<RemittanceResult> Results, int Created, int Unchanged, int Rejected);

/// <summary>The outcome of one payment: the rows that share its reference.</summary>
/// <param name="PaymentReference">The payment reference; null for a row rejected while the file was read.</param>
/// <param name="RowNumbers">The 1-based data rows of the payment, in file order.</param>
/// <param name="Outcome">"created", "unchanged" (recorded before with the same rows), or "rejected" with <paramref name="Errors"/> saying why.</param>
/// <param name="Payment">The recorded payment with what it applied to each invoice; null unless recorded.</param>
/// <param name="Errors">Row number, column, value and reason of each error; null unless rejected.</param>
public sealed record RemittanceResult(string? PaymentReference, IReadOnlyList<int> RowNumbers, string Outcome, PaymentView? Payment, IReadOnlyList<CsvRowError>? Errors);
