using System.Text.Json;
using TermSync.Importer.Api;
using TermSync.Importer.Ledger;
using TermSync.Importer.Replay;

namespace TermSync.Api.Tests.Ledger;

/// <summary>
/// Replays the IBM late-payment ledger through the API and compares every customer's statement with the
/// open invoices computed straight from the CSV. The file is found next to the repository, or through the
/// TERMSYNC_LEDGER_CSV environment variable.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LedgerReplayTests(ApiFixture fixture)
{
    private static readonly DateOnly Until = new(2013, 6, 30);

    [Fact]
    public async Task Statements_match_ledger_at_mid_2013()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());
        var client = new TermSyncClient(fixture.Client);

        await new Replayer(client).ReplayAsync(LedgerReplayPlan.Create(rows), Until, cancellation);

        var expectations = LedgerExpectations.Compute(rows, Until);
        Assert.Equal(100, expectations.Count);
        Assert.Contains(expectations.Values, expected => expected.PastDueAmount > 0);
        Assert.Contains(expectations.Values, expected => expected.DisputedCount > 0);

        var vendorOfAccount = rows
            .GroupBy(row => row.CustomerId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => LedgerReplayPlan.VendorIdFor(group.First().CountryCode), StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var expected in expectations.Values)
        {
            // The ledger's customer ids are the vendors' account numbers; statements are read by network customer.
            var accountPath = $"/vendors/{vendorOfAccount[expected.CustomerId]}/customers/{expected.CustomerId}";
            var account = await (await fixture.Client.GetAsync(accountPath, cancellation)).ReadJsonAsync();
            var statement = await client.GetStatementAsync<JsonElement>(account.GetProperty("customerId").GetString()!, Until, cancellation);
            var totals = statement.GetProperty("totals").EnumerateArray().ToList();
            var actual = (
                Count: statement.GetProperty("openCount").GetInt32(),
                Open: totals.Sum(total => total.GetProperty("openAmount").GetDecimal()),
                PastDue: totals.Sum(total => total.GetProperty("pastDueAmount").GetDecimal()),
                Disputed: totals.Sum(total => total.GetProperty("disputedAmount").GetDecimal()));

            if (actual != (expected.OpenCount, expected.OpenAmount, expected.PastDueAmount, expected.DisputedAmount))
            {
                mismatches.Add($"{expected.CustomerId}: expected {(expected.OpenCount, expected.OpenAmount, expected.PastDueAmount, expected.DisputedAmount)}, got {actual}");
            }
        }

        Assert.Empty(mismatches);
    }
}
