using TermSync.Grains.Tests.Digests.Scheduling;
using TermSync.Invoices;
using TermSync.Vendors;

namespace TermSync.Grains.Tests.Invoices;

/// <summary>The date limits of payment notices, on a clock that the test sets, in the vendor's time zone.</summary>
public sealed class PaymentNoticeDateTests
{
    /// <summary>Thursday 10 December 2026, 23:30 UTC, which is already 11 December in Berlin (UTC+1).</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 23, 30, 0, TimeSpan.Zero);

    /// <summary>Issued 2026-11-12; the vendor's date is 2026-12-11, so a promise may reach 2027-03-11, 90 days later.</summary>
    private static readonly (string Date, PaymentNoticeKind Kind, string? Method, InvoiceCommandStatus Expected)[] Cases =
    [
        ("2026-12-11", PaymentNoticeKind.Paid, "card", InvoiceCommandStatus.Applied),
        ("2026-12-12", PaymentNoticeKind.Paid, "card", InvoiceCommandStatus.Invalid),
        ("2026-11-12", PaymentNoticeKind.Paid, "card", InvoiceCommandStatus.Applied),
        ("2026-11-11", PaymentNoticeKind.Paid, "card", InvoiceCommandStatus.Invalid),
        ("2026-12-11", PaymentNoticeKind.Promised, null, InvoiceCommandStatus.Applied),
        ("2026-12-10", PaymentNoticeKind.Promised, null, InvoiceCommandStatus.Invalid),
        ("2027-03-11", PaymentNoticeKind.Promised, null, InvoiceCommandStatus.Applied),
        ("2027-03-12", PaymentNoticeKind.Promised, null, InvoiceCommandStatus.Invalid),
        ("2026-12-20", PaymentNoticeKind.Promised, "card", InvoiceCommandStatus.Invalid),
    ];

    [Fact]
    public async Task Notice_dates_follow_vendor_date()
    {
        await using var cluster = await FakeClockCluster.StartAsync(Now);
        var vendorId = TestData.NewId("v");
        await cluster.Grains.GetGrain<IVendorGrain>(vendorId).RegisterAsync(new VendorProfile("North", $"ar@{vendorId}.example", "Europe/Berlin"));
        var customerId = TestData.NewId("c");
        var index = 0;
        foreach (var (date, kind, method, expected) in Cases)
        {
            var invoice = cluster.Grains.Invoice(vendorId, $"N-{index++}");
            await invoice.IssueAsync(TestData.Draft(customerId, 100m, issued: "2026-11-12", due: "2026-12-12"));

            var notice = new PaymentNotice(kind, DateOnly.Parse(date), method, "Sam Clerk", DateTimeOffset.MinValue);
            var result = await invoice.RecordPaymentNoticeAsync(customerId, notice);

            Assert.True(expected == result.Status, $"{kind} {date} {method}: expected {expected}, got {result.Status} ({result.Error})");
            if (expected == InvoiceCommandStatus.Applied)
            {
                Assert.Equal(Now, result.Invoice!.PaymentNotice!.RecordedAt);
            }
            else
            {
                Assert.True(result.Field is "date" or "method", $"{kind} {date}: field {result.Field}");
            }
        }
    }
}
