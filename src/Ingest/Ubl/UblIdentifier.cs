namespace TermSync.Ingest.Ubl;

/// <summary>An identifier with the scheme that issued it.</summary>
/// <param name="Value">The identifier as written, trimmed of surrounding white space.</param>
/// <param name="SchemeId">
/// The schemeID attribute, or null when the document gives none. Peppol uses codes of the ISO 6523 ICD list,
/// such as "0088" (GLN) or "0192" (Norwegian organization number), and older files use "EM" for an email address.
/// </param>
public sealed record UblIdentifier(string Value, string? SchemeId);
