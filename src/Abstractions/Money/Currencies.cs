using System.Collections.Frozen;

namespace TermSync.Money;

/// <summary>
/// ISO 4217 currency codes that TermSync accepts, with the number of minor-unit digits of each
/// (JPY 0, USD 2, KWD 3). Amounts are never converted between currencies.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, int> MinorUnitDigits = new Dictionary<string, int>
    {
        ["AED"] = 2, ["ARS"] = 2, ["AUD"] = 2, ["BGN"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2,
        ["CHF"] = 2, ["CLP"] = 0, ["CNY"] = 2, ["COP"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EGP"] = 2,
        ["EUR"] = 2, ["GBP"] = 2, ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2,
        ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0, ["KES"] = 2, ["KRW"] = 0, ["KWD"] = 3, ["MAD"] = 2,
        ["MXN"] = 2, ["MYR"] = 2, ["NGN"] = 2, ["NOK"] = 2, ["NZD"] = 2, ["OMR"] = 3, ["PEN"] = 2,
        ["PHP"] = 2, ["PKR"] = 2, ["PLN"] = 2, ["QAR"] = 2, ["RON"] = 2, ["RSD"] = 2, ["SAR"] = 2,
        ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2, ["UAH"] = 2,
        ["USD"] = 2, ["VND"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["ZAR"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>All accepted codes, in alphabetical order.</summary>
    public static IEnumerable<string> Codes => MinorUnitDigits.Keys.Order(StringComparer.Ordinal);

    /// <summary>Returns whether <paramref name="code"/> is an accepted upper-case ISO 4217 code.</summary>
    public static bool IsKnown(string? code) => code is not null && MinorUnitDigits.ContainsKey(code);

    /// <summary>Returns the minor-unit digits of a known code; throws for an unknown one.</summary>
    public static int GetMinorUnitDigits(string code) =>
        MinorUnitDigits.TryGetValue(code, out var digits)
            ? digits
            : throw new ArgumentException($"Unknown currency code '{code}'.", nameof(code));

    /// <summary>
    /// Largest amount of one document, in the currency's unit: 10^15 (a quadrillion). It keeps the sums over millions of
    /// documents far inside the range of <see cref="decimal"/>.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>
    /// Returns whether <paramref name="amount"/> has no more decimal digits than the currency allows.
    /// 10.50 is valid USD and 10.505 is not; trailing zeros do not count.
    /// </summary>
    public static bool FitsMinorUnits(string code, decimal amount) =>
        decimal.Round(amount, GetMinorUnitDigits(code), MidpointRounding.ToZero) == amount;
}
