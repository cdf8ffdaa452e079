using TermSync.Importer.Ledger;

namespace TermSync.Importer.Tests.Ledger;

public sealed class LedgerExpectationsTests
{
    private static readonly DateOnly AsOf = new(2013, 6, 30);

    [Fact]
    public void Expectations_match_hand_checked_rows()
    {
        var rows = LedgerRows.Parse(
            // C1: open and past due (due 5/31).
            "391,C1,1/1/2013,0000000001,5/1/2013,5/31/2013,100.10,No,7/15/2013,Paper,75,45",
            // C1: open, not due yet, disputed since 6/23.
            "391,C1,1/1/2013,0000000002,6/20/2013,7/20/2013,50.05,Yes,7/1/2013,Electronic,11,0",
            // C1: settled on the as-of date, so closed.
            "391,C1,1/1/2013,0000000003,4/1/2013,5/1/2013,20.00,No,6/30/2013,Paper,90,60",
            // C2: issued on the as-of date, so open.
            "391,C2,1/1/2013,0000000004,6/30/2013,7/30/2013,10.5,No,8/1/2013,Paper,32,2",
            // C2: due on the as-of date, so open but not past due.
            "391,C2,1/1/2013,0000000005,5/31/2013,6/30/2013,1.01,No,7/3/2013,Paper,33,3",
            // C2: issued after the as-of date, so not counted.
            "391,C2,1/1/2013,0000000006,7/1/2013,7/31/2013,7.00,No,7/2/2013,Paper,1,0",
            // C3: settled before the as-of date.
            "406,C3,1/1/2013,0000000007,1/2/2013,2/1/2013,99.99,No,2/1/2013,Paper,30,0",
            // C4: first invoice after the as-of date.
            "406,C4,1/1/2013,0000000008,7/5/2013,8/4/2013,5.00,No,7/6/2013,Paper,1,0");

        var expectations = LedgerExpectations.Compute(rows, AsOf);

        Assert.Equal(["C1", "C2", "C3"], expectations.Keys.Order());
        Assert.Equal(new CustomerExpectation("C1", 2, 150.15m, 1, 100.10m, 1, 50.05m), expectations["C1"]);
        Assert.Equal(new CustomerExpectation("C2", 2, 11.51m, 0, 0m, 0, 0m), expectations["C2"]);
        Assert.Equal(new CustomerExpectation("C3", 0, 0m, 0, 0m, 0, 0m), expectations["C3"]);
    }

    [Fact]
    public void Expectations_of_real_ledger_at_mid_2013()
    {
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());

        var expectations = LedgerExpectations.Compute(rows, AsOf);

        // Counted independently from the CSV: 84 open invoices of 52 customers, 12 of them past due, 8 of those
        // disputed by the as-of date and so held out of what is owed.
        Assert.Equal(84, expectations.Values.Sum(expectation => expectation.OpenCount));
        Assert.Equal(52, expectations.Values.Count(expectation => expectation.OpenCount > 0));
        Assert.Equal(4, expectations.Values.Sum(expectation => expectation.PastDueCount));
        Assert.Equal(rows.Where(row => row.InvoiceDate <= AsOf).Select(row => row.CustomerId).Distinct().Count(), expectations.Count);
        Assert.All(expectations.Values, expectation => Assert.True(expectation.PastDueAmount <= expectation.OpenAmount));
    }
}
