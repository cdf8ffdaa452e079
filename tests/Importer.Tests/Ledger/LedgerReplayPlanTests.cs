using TermSync.Importer.Ledger;
using TermSync.Importer.Replay;

namespace TermSync.Importer.Tests.Ledger;

public sealed class LedgerReplayPlanTests
{
    [Fact]
    public void Plan_maps_undisputed_row_to_issue_and_payment()
    {
        var rows = LedgerRows.Parse("391,0379-NEVHP,4/6/2013,0000611365,1/2/2013,2/1/2013,55.94,No,1/15/2013,Paper,13,0");

        var plan = LedgerReplayPlan.Create(rows);

        var vendor = Assert.Single(plan.Vendors);
        Assert.Equal(new VendorProfile("ledger-391", "Ledger 391", "ar@ledger-391.example", "UTC"), vendor);
        Assert.Collection(
            plan.Events,
            first => Assert.Equal(
                new InvoiceIssue(new DateOnly(2013, 1, 2), "ledger-391", "0000611365",
                    new CustomerProfile("0379-NEVHP", "0379-NEVHP", "ap@0379-nevhp.example"), "USD", 55.94m, new DateOnly(2013, 2, 1)),
                first),
            second => Assert.Equal(
                new Payment(new DateOnly(2013, 1, 15), "ledger-391", "0000611365", "0000611365-settlement", 55.94m),
                second));
    }

    [Fact]
    public void Plan_opens_dispute_three_days_after_issue()
    {
        var rows = LedgerRows.Parse("406,8976-AMJEO,3/3/2012,0007900770,1/26/2013,2/25/2013,61.74,Yes,3/3/2013,Electronic,36,6");

        var events = LedgerReplayPlan.Create(rows).Events;

        Assert.Equal(
            [ReplayEventKind.InvoiceIssue, ReplayEventKind.DisputeOpen, ReplayEventKind.DisputeResolution, ReplayEventKind.Payment],
            events.Select(e => e.Kind));
        var opening = Assert.IsType<DisputeOpen>(events[1]);
        Assert.Equal(new DateOnly(2013, 1, 29), opening.Date);
        Assert.Equal("other", opening.Reason);
        Assert.Equal("8976-AMJEO", opening.RaisedBy);
        Assert.Equal(new DateOnly(2013, 3, 3), events[2].Date);
        Assert.Equal(new DateOnly(2013, 3, 3), events[3].Date);
    }

    [Fact]
    public void Plan_opens_dispute_on_settlement_when_sooner()
    {
        var rows = LedgerRows.Parse("406,8976-AMJEO,3/3/2012,0000000001,1/26/2013,2/25/2013,61.74,Yes,1/27/2013,Electronic,1,0");

        var events = LedgerReplayPlan.Create(rows).Events;

        Assert.Equal(new DateOnly(2013, 1, 26), events[0].Date);
        Assert.All(events.Skip(1), e => Assert.Equal(new DateOnly(2013, 1, 27), e.Date));
        Assert.Equal(
            [ReplayEventKind.InvoiceIssue, ReplayEventKind.DisputeOpen, ReplayEventKind.DisputeResolution, ReplayEventKind.Payment],
            events.Select(e => e.Kind));
    }

    [Fact]
    public void Plan_orders_same_day_events_by_kind()
    {
        var rows = LedgerRows.Parse(
            "391,A-1,1/1/2013,0000000001,1/1/2013,1/31/2013,10.00,No,1/10/2013,Paper,9,0",
            "391,A-2,1/1/2013,0000000002,1/7/2013,2/6/2013,20.00,Yes,1/20/2013,Paper,13,0",
            "391,A-3,1/1/2013,0000000003,1/10/2013,2/9/2013,30.00,No,1/10/2013,Paper,0,0");

        var events = LedgerReplayPlan.Create(rows).Events;

        var onTenth = events.Where(e => e.Date == new DateOnly(2013, 1, 10)).ToList();
        Assert.Equal(
            [ReplayEventKind.InvoiceIssue, ReplayEventKind.DisputeOpen, ReplayEventKind.Payment, ReplayEventKind.Payment],
            onTenth.Select(e => e.Kind));
        Assert.Equal(events.OrderBy(e => e.Date).ThenBy(e => e.Kind), events);
    }

    [Fact]
    public void Until_keeps_unsettled_invoices_open()
    {
        var rows = LedgerRows.Parse(
            "391,A-1,1/1/2013,0000000001,6/1/2013,7/1/2013,10.00,Yes,7/15/2013,Paper,44,14",
            "391,A-2,1/1/2013,0000000002,6/5/2013,7/5/2013,20.00,No,6/30/2013,Paper,25,0",
            "391,A-3,1/1/2013,0000000003,7/1/2013,7/31/2013,30.00,No,7/2/2013,Paper,1,0");

        var plan = LedgerReplayPlan.Create(rows).Until(new DateOnly(2013, 6, 30));

        Assert.All(plan.Events, e => Assert.True(e.Date <= new DateOnly(2013, 6, 30)));
        Assert.Equal(["0000000001", "0000000002"], plan.Events.OfType<InvoiceIssue>().Select(issue => issue.InvoiceNumber));
        Assert.Equal(["0000000002"], plan.Events.OfType<Payment>().Select(payment => payment.InvoiceNumber));
        Assert.Equal(["0000000001"], plan.Events.OfType<DisputeOpen>().Select(opening => opening.InvoiceNumber));
        Assert.Empty(plan.Events.OfType<DisputeResolution>());
        Assert.Single(plan.Vendors);
    }

    [Fact]
    public void Plan_of_real_ledger_has_every_event()
    {
        var rows = LedgerReader.Read(LedgerFileLocator.Locate());

        var plan = LedgerReplayPlan.Create(rows);

        Assert.Equal(["ledger-391", "ledger-406", "ledger-770", "ledger-818", "ledger-897"], plan.Vendors.Select(vendor => vendor.Id));
        Assert.Equal(2466, plan.Events.OfType<InvoiceIssue>().Count());
        Assert.Equal(2466, plan.Events.OfType<Payment>().Count());
        Assert.Equal(rows.Count(row => row.Disputed), plan.Events.OfType<DisputeOpen>().Count());
        Assert.Equal(rows.Count(row => row.Disputed), plan.Events.OfType<DisputeResolution>().Count());
        Assert.Equal(rows.Sum(row => row.InvoiceAmount), plan.Events.OfType<Payment>().Sum(payment => payment.Amount));
    }

    [Fact]
    public void Plan_rejects_duplicate_invoice_number()
    {
        var rows = LedgerRows.Parse(
            "391,A-1,1/1/2013,0000000001,6/1/2013,7/1/2013,10.00,No,7/15/2013,Paper,44,14",
            "391,A-2,1/1/2013,0000000001,6/5/2013,7/5/2013,20.00,No,6/30/2013,Paper,25,0");

        var exception = Assert.Throws<LedgerFormatException>(() => LedgerReplayPlan.Create(rows));

        Assert.Contains("Line 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'0000000001'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", exception.Message, StringComparison.Ordinal);
    }
}
