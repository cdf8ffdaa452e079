using TermSync.Customers;
using TermSync.Grains.Digests;
using TermSync.Invoices;

namespace TermSync.Api.Portal.Statements;

/// <summary>The status the portal shows for one open invoice.</summary>
public static class StatusText
{
    public static string Of(StatementLine line, DateOnly asOf, DigestFormatter format)
    {
        var status = line switch
        {
            { Disputed: true, OwedAmount: <= 0 } => "Under review",
            { Disputed: true } => $"{format.FormatAmount(line.DisputedAmount, line.Currency)} under review; {DigestFormatter.DueStatus(line.DueDate, asOf)}",
            _ => DigestFormatter.DueStatus(line.DueDate, asOf),
        };
        return line.PaymentNotice switch
        {
            { Kind: PaymentNoticeKind.Promised } notice => $"{status}; you promised payment on {format.FormatDate(notice.Date)}",
            { Kind: PaymentNoticeKind.Paid } notice => $"{status}; you reported payment on {format.FormatDate(notice.Date)}",
            _ => status,
        };
    }
}
