using System.Globalization;
using System.Text.Json;
using TermSync.Importer.Ledger;

namespace TermSync.Api.Tests.Ledger;

/// <summary>
/// Compares the receivables metrics that the API reads from its ledger, for each country ledger's vendor and for the
/// network, with <see cref="ExpectedReceivables"/> computed from the CSV rows, at the end of every quarter of 2012 and
/// 2013, after the whole IBM late-payment ledger has been replayed.
/// </summary>
[Collection(LedgerReplayCollection.Name)]
public sealed class LedgerMetricsReplayTests(LedgerReplayFixture fixture)
{
    private const int WindowDays = 90;

    /// <summary>The API reports day figures and percentages with two decimals, so it may differ from the exact value by up to 0.005.</summary>
    private const decimal Tolerance = 0.01m;

    private static readonly DateOnly[] QuarterEnds =
    [
        new(2012, 3, 31), new(2012, 6, 30), new(2012, 9, 30), new(2012, 12, 31),
        new(2013, 3, 31), new(2013, 6, 30), new(2013, 9, 30), new(2013, 12, 31),
    ];

    [Fact]
    public async Task Quarter_end_metrics_match_ledger()
    {
        var scopes = fixture.Rows
            .GroupBy(row => row.CountryCode, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Name: LedgerReplayPlan.VendorIdFor(group.Key), Path: $"/vendors/{LedgerReplayPlan.VendorIdFor(group.Key)}/metrics/receivables", Rows: (IReadOnlyList<LedgerRow>)[.. group]))
            .Append((Name: "network", Path: "/metrics/network/receivables", Rows: fixture.Rows))
            .ToList();
        Assert.Equal(6, scopes.Count);

        var mismatches = new List<string>();
        var comparedCount = 0;
        foreach (var scope in scopes)
        {
            foreach (var asOf in QuarterEnds)
            {
                var expected = new ExpectedReceivables(scope.Rows, asOf, WindowDays).Figures();
                var actual = await ReadUsdFiguresAsync(scope.Path, asOf);
                foreach (var (figure, expectedValue) in expected)
                {
                    comparedCount++;
                    var actualValue = Read(actual, figure);
                    if (!Matches(expectedValue, actualValue))
                    {
                        mismatches.Add(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{scope.Name} as of {asOf:yyyy-MM-dd}, {figure}: expected {Format(expectedValue)}, actual {Format(actualValue)}"));
                    }
                }
            }
        }

        Assert.Equal(6 * QuarterEnds.Length * 28, comparedCount);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} figures differ from the ledger:\n{string.Join("\n", mismatches)}");
    }

    private async Task<JsonElement> ReadUsdFiguresAsync(string path, DateOnly asOf)
    {
        var uri = string.Create(CultureInfo.InvariantCulture, $"{path}?asOf={asOf:yyyy-MM-dd}&windowDays={WindowDays}");
        var response = await (await fixture.Api.Client.GetAsync(uri, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var currency = Assert.Single(response.GetProperty("currencies").EnumerateArray());
        Assert.Equal(LedgerReplayPlan.Currency, currency.GetProperty("scope").GetProperty("currency").GetString());
        Assert.Equal(asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), currency.GetProperty("scope").GetProperty("asOf").GetString());
        return currency;
    }

    /// <summary>Reads a figure by its dotted path, such as "aging.days1To30.amount". A JSON null gives null.</summary>
    private static decimal? Read(JsonElement figures, string dottedPath)
    {
        var element = figures;
        foreach (var name in dottedPath.Split('.'))
        {
            element = element.GetProperty(name);
        }

        return element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();
    }

    private static bool Matches(decimal? expected, decimal? actual) =>
        (expected, actual) switch
        {
            (null, null) => true,
            ({ } exact, { } reported) => Math.Abs(exact - reported) <= Tolerance,
            _ => false,
        };

    private static string Format(decimal? value) =>
        value is { } number ? decimal.Round(number, 4).ToString(CultureInfo.InvariantCulture) : "null";
}
