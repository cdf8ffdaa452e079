using System.Text.RegularExpressions;
using System.Xml.Linq;
using TermSync.Money;

namespace TermSync.Ingest.Ubl;

/// <summary>
/// Reads typed values from one UBL document and records an <see cref="IngestError"/> for each value that is
/// missing or invalid. A method returns null when it recorded an error, when an optional value is absent, or
/// when a value it depends on (the document currency) was rejected before.
/// </summary>
internal sealed partial class UblFieldReader(XElement root)
{
    private readonly List<IngestError> errors = [];

    public XElement Root => root;

    public IReadOnlyList<IngestError> Errors => errors;

    public void Reject(string field, string? value, string reason) => errors.Add(new IngestError(field, value, reason));

    /// <summary>Returns the trimmed text of an element below <paramref name="parent"/>, or null when it is absent or empty.</summary>
    public static string? Text(XElement parent, string path) => Text(UblPath.Element(parent, path));

    public static string? Text(XElement? element)
    {
        var text = element?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Reads a required document number, such as cbc:ID, that must be a valid TermSync invoice number.</summary>
    public string? Number(XElement parent, string path, string fieldPath, string description)
    {
        var text = Text(parent, path);
        if (text is null)
        {
            Reject(fieldPath, null, $"The {description} is missing; add {fieldPath}.");
            return null;
        }

        if (!Identifiers.IsInvoiceNumber(text))
        {
            Reject(fieldPath, text, $"The {description} '{text}' is not valid; use 1 to {Identifiers.MaxInvoiceNumberLength} characters without control characters.");
            return null;
        }

        return text;
    }

    /// <summary>Reads an xsd:date as a calendar date; a time zone suffix is allowed and does not change the date.</summary>
    public DateOnly? Date(XElement? element, string fieldPath, string description)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }

        var match = DateWithZone().Match(text);
        if (!match.Success || !CalendarDateText.TryParse(match.Groups["date"].Value, out var date))
        {
            Reject(fieldPath, text, $"The {description} '{text}' {CalendarDateText.InvalidReason}.");
            return null;
        }

        return date;
    }

    /// <summary>Reads a required date.</summary>
    public DateOnly? RequiredDate(string path, string description)
    {
        var element = UblPath.Element(root, path);
        if (Text(element) is null)
        {
            Reject(path, null, $"The {description} is missing; add {path} as YYYY-MM-DD.");
            return null;
        }

        return Date(element, path, description);
    }

    /// <summary>Reads cbc:DocumentCurrencyCode, which must be a currency that TermSync supports.</summary>
    public string? Currency(string path)
    {
        var text = Text(root, path);
        if (text is null)
        {
            Reject(path, null, $"The document currency is missing; add {path} with an ISO 4217 code such as EUR.");
            return null;
        }

        if (!Currencies.IsKnown(text))
        {
            Reject(path, text, $"'{text}' is not a currency TermSync supports; use an upper-case ISO 4217 code such as EUR, USD or NOK.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// Reads a required amount whose currencyID must be <paramref name="currency"/>. When the document currency
    /// was rejected (<paramref name="currency"/> is null), only the number itself is checked.
    /// </summary>
    public decimal? Amount(string path, string description, string? currency)
    {
        var element = UblPath.Element(root, path);
        var text = Text(element);
        if (element is null || text is null)
        {
            Reject(path, null, $"The {description} is missing; add {path}.");
            return null;
        }

        var currencyPath = $"{path}/@currencyID";
        var currencyId = element.Attribute("currencyID")?.Value.Trim();
        if (string.IsNullOrEmpty(currencyId))
        {
            var example = currency is null ? "the document currency" : $"currencyID=\"{currency}\"";
            Reject(currencyPath, null, $"The {description} has no currencyID attribute; add {example}.");
            return null;
        }

        if (currency is not null && !string.Equals(currencyId, currency, StringComparison.Ordinal))
        {
            Reject(currencyPath, currencyId, $"The {description} is in {currencyId} but the document currency is {currency}; state it in {currency}.");
            return null;
        }

        if (!AmountText.TryParse(text, currency, out var amount, out var reason))
        {
            Reject(path, text, $"The {description} '{text}' {reason}.");
            return null;
        }

        return currency is null ? null : amount;
    }

    // xsd:date: YYYY-MM-DD with an optional time zone, "Z" or "+hh:mm"/"-hh:mm".
    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:Z|[+-][0-9]{2}:[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateWithZone();
}
