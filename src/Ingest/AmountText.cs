using System.Globalization;
using System.Text.RegularExpressions;
using TermSync.Money;

namespace TermSync.Ingest;

/// <summary>
/// Parses amounts written as decimal text without ever rounding: a value that a <see cref="decimal"/>
/// cannot hold exactly, or that has more decimals than its currency allows, is rejected.
/// </summary>
internal static partial class AmountText
{
    /// <summary>Significant digits that a <see cref="decimal"/> always represents exactly, because its 96-bit mantissa has room for 28 full digits.</summary>
    private const int MaxSignificantDigits = 28;

    /// <summary>
    /// Parses <paramref name="text"/> (an optional sign, digits, an optional '.' and digits) as an amount in
    /// <paramref name="currency"/>, a known code, or checks only the number when <paramref name="currency"/>
    /// is null. On failure <paramref name="reason"/> is a sentence fragment that follows the value, such as
    /// "has 3 decimals but USD allows 2; ...".
    /// </summary>
    public static bool TryParse(string text, string? currency, out decimal amount, out string reason)
    {
        amount = 0m;
        var match = DecimalNumber().Match(text);
        if (!match.Success)
        {
            reason = "is not a number; write the amount with digits and a '.' decimal point, without thousands separators or a currency sign, such as 1250.50";
            return false;
        }

        var integerDigits = match.Groups["integer"].Value.TrimStart('0');
        var fractionDigits = match.Groups["fraction"].Value.TrimEnd('0');
        var allowedDigits = currency is null ? int.MaxValue : Currencies.GetMinorUnitDigits(currency);
        if (fractionDigits.Length > allowedDigits)
        {
            reason = $"has {fractionDigits.Length} decimals but {currency} allows {allowedDigits}; " +
                $"round it to {allowedDigits} decimals in your books before sending, because TermSync never rounds";
            return false;
        }

        if (integerDigits.Length + fractionDigits.Length > MaxSignificantDigits)
        {
            reason = $"has more than {MaxSignificantDigits} significant digits, which is too large for an amount; check the value";
            return false;
        }

        amount = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        reason = string.Empty;
        return true;
    }

    // The lexical form of xsd:decimal: "12", "12.50", "-3.5", "+.5" and "7." are all valid.
    [GeneratedRegex(@"^[+-]?(?=[0-9]|\.[0-9])(?<integer>[0-9]*)(?:\.(?<fraction>[0-9]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
