namespace TermSync.Importer.Generation;

/// <summary>
/// Currencies of the generated network and their ISO 4217 minor-unit digits.
/// </summary>
public static class Currencies
{
    /// <summary>US dollar, 2 decimals.</summary>
    public const string Usd = "USD";

    /// <summary>Euro, 2 decimals.</summary>
    public const string Eur = "EUR";

    /// <summary>Japanese yen, no decimals.</summary>
    public const string Jpy = "JPY";

    /// <summary>Returns the number of decimals of the minor unit of <paramref name="currency"/> (ISO 4217).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The currency is not one of the generated currencies.</exception>
    public static int MinorUnitDigits(string currency) => currency switch
    {
        Usd or Eur => 2,
        Jpy => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(currency), currency, $"Expected {Usd}, {Eur} or {Jpy}."),
    };

    /// <summary>Converts an amount in minor units, such as cents, into an amount of <paramref name="currency"/>.</summary>
    public static decimal FromMinorUnits(long minorUnits, string currency)
    {
        decimal amount = minorUnits;
        for (var digit = 0; digit < MinorUnitDigits(currency); digit++)
        {
            amount /= 10m;
        }

        return amount;
    }
}
