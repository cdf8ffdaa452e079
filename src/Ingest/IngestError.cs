namespace TermSync.Ingest;

/// <summary>A reason a UBL document was rejected, naming the element, its value and the fix.</summary>
/// <param name="Field">
/// XPath-like path of the element or attribute below the document element, such as
/// "cac:LegalMonetaryTotal/cbc:PayableAmount" or "cac:LegalMonetaryTotal/cbc:PayableAmount/@currencyID";
/// "/" for the document as a whole.
/// </param>
/// <param name="Value">The value as written in the document, or null when the element is missing.</param>
/// <param name="Reason">What is wrong and what the vendor should change.</param>
public sealed record IngestError(string Field, string? Value, string Reason);
