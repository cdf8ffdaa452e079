using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using TermSync.Invoices;

namespace TermSync.Ingest;

/// <summary>
/// Reads payment terms from the common English forms that vendors write, case-insensitively:
/// <list type="bullet">
/// <item>net days: "net 30", "Net30", "n/30", "30 days net", "Payment within 30 days", "due in 30 days";</item>
/// <item>due on receipt: "due on receipt", "payable upon receipt", "immediate", "net 0";</item>
/// <item>end of month: "EOM", "net 30 EOM", "EOM + 10", "end of month + 10 days";</item>
/// <item>early-payment discount: "2% 10 net 30", "2/10 net 30", "2/10, n/30", "1.5% 10 days net 30".</item>
/// </list>
/// The whole text must match one form, so a note with other conditions ("50% prepaid, 50% within one month")
/// is not read as simpler terms than it states.
/// </summary>
public static partial class PaymentTermsParser
{
    /// <summary>Maximum number of days in terms; longer terms are more likely a typing error than an agreement.</summary>
    public const int MaxDays = 365;

    /// <summary>Example terms in every supported form, for error messages.</summary>
    public const string Examples = "'net 30', 'Payment within 30 days', 'net 30 EOM' or '2% 10 net 30'";

    /// <summary>
    /// Parses <paramref name="note"/> into <paramref name="terms"/>. Returns false when the text is not one of
    /// the supported forms, when a day count exceeds <see cref="MaxDays"/>, when the discount period is longer
    /// than the net period, or when the discount is not between 0 and 100 percent.
    /// </summary>
    public static bool TryParse(string? note, [NotNullWhen(true)] out PaymentTerms? terms)
    {
        terms = null;
        if (string.IsNullOrWhiteSpace(note))
        {
            return false;
        }

        var text = Whitespace().Replace(note.Trim(), " ").TrimEnd('.');
        var candidate = ParseNet(text) ?? ParseEndOfMonth(text) ?? ParseDiscount(text);
        if (candidate is null || !IsPlausible(candidate))
        {
            return false;
        }

        terms = candidate;
        return true;
    }

    /// <summary>
    /// Formats <paramref name="terms"/> as "net 30", "net 30 EOM" or "2% 10 net 30", which <see cref="TryParse"/>
    /// reads back to equal terms. Terms with both a discount and end of month, which the parser never returns,
    /// format as "2% 10 net 30 EOM" and do not read back.
    /// </summary>
    public static string Format(PaymentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);

        var net = terms.EndOfMonth ? $"net {terms.NetDays} EOM" : $"net {terms.NetDays}";
        return terms.DiscountPercent is { } percent
            ? string.Create(CultureInfo.InvariantCulture, $"{percent}% {terms.DiscountDays} {net}")
            : net;
    }

    private static PaymentTerms? ParseNet(string text)
    {
        if (DueOnReceipt().IsMatch(text))
        {
            return new PaymentTerms(0);
        }

        var match = NetDays().Match(text);
        return match.Success ? new PaymentTerms(Days(match.Groups["net"])) : null;
    }

    private static PaymentTerms? ParseEndOfMonth(string text)
    {
        var match = EndOfMonthDays().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var before = match.Groups["before"];
        var after = match.Groups["after"];
        if (before.Success && after.Success)
        {
            return null;
        }

        var days = 0;
        if (before.Success)
        {
            days = Days(before);
        }
        else if (after.Success)
        {
            days = Days(after);
        }

        return new PaymentTerms(days, EndOfMonth: true);
    }

    private static PaymentTerms? ParseDiscount(string text)
    {
        var match = Discount().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var percent = decimal.Parse(match.Groups["percent"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return new PaymentTerms(Days(match.Groups["net"]), DiscountPercent: percent, DiscountDays: Days(match.Groups["discount"]));
    }

    private static bool IsPlausible(PaymentTerms terms) =>
        terms.NetDays <= MaxDays
        && (terms.DiscountPercent is null || (terms.DiscountPercent > 0m && terms.DiscountPercent < 100m && terms.DiscountDays <= terms.NetDays));

    private static int Days(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:(?:due|payable) (?:on|upon) receipt|immediate(?:ly)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DueOnReceipt();

    [GeneratedRegex(
        @"^(?:(?:net|n) ?/? ?(?<net>[0-9]{1,3})(?: days?)?|(?<net>[0-9]{1,3}) days? net|(?:payment )?(?:due )?(?:with)?in (?<net>[0-9]{1,3}) days?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NetDays();

    [GeneratedRegex(
        @"^(?:net ?(?<before>[0-9]{1,3})(?: days?)? )?(?:eom|end of (?:the )?month)(?: ?\+ ?(?<after>[0-9]{1,3})(?: days?)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndOfMonthDays();

    [GeneratedRegex(
        @"^(?<percent>[0-9]{1,2}(?:\.[0-9]{1,2})?)(?: ?% ?/? ?| ?/ ?)(?<discount>[0-9]{1,3})(?: days?)?,? (?:net|n) ?/? ?(?<net>[0-9]{1,3})(?: days?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Discount();
}
