using System.Text.RegularExpressions;

namespace TermSync;

/// <summary>Formats of the ids that name grains and appear in URLs and outbox file names.</summary>
public static partial class Identifiers
{
    /// <summary>Vendor ids: 1 to 64 lower-case letters, digits and '-', starting with a letter or digit.</summary>
    public const string VendorIdPattern = @"^[a-z0-9][a-z0-9-]{0,63}\z";

    /// <summary>Customer ids: 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public const string CustomerIdPattern = @"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z";

    /// <summary>Maximum length of an invoice number, in characters. Any printable text is allowed.</summary>
    public const int MaxInvoiceNumberLength = 100;

    /// <summary>Returns whether <paramref name="value"/> is a valid vendor id.</summary>
    public static bool IsVendorId(string? value) => value is not null && VendorId().IsMatch(value);

    /// <summary>Returns whether <paramref name="value"/> is a valid customer id.</summary>
    public static bool IsCustomerId(string? value) => value is not null && CustomerId().IsMatch(value);

    /// <summary>Returns whether <paramref name="value"/> is a valid conversation id: the same characters and length as a customer id.</summary>
    public static bool IsConversationId(string? value) => IsCustomerId(value);

    /// <summary>
    /// Returns whether <paramref name="value"/> is a valid invoice number: 1 to 100 characters, no control or
    /// invisible formatting characters, no leading or trailing white space, and not "." or "..", which URLs cannot carry.
    /// </summary>
    public static bool IsInvoiceNumber(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxInvoiceNumberLength
        && value.Trim().Length == value.Length
        && value is not "." and not ".."
        && !value.Any(character => char.IsControl(character) || char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.Format);

    [GeneratedRegex(VendorIdPattern)]
    private static partial Regex VendorId();

    [GeneratedRegex(CustomerIdPattern)]
    private static partial Regex CustomerId();
}
