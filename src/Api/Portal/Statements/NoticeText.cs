using TermSync.Grains.Digests;
using TermSync.Invoices;

namespace TermSync.Api.Portal.Statements;

/// <summary>The sentence the portal shows for the customer's latest payment notice on an invoice.</summary>
public static class NoticeText
{
    public static string Of(PaymentNotice notice, DigestFormatter format) => notice.Kind == PaymentNoticeKind.Promised
        ? $"You told the vendor you will pay on {format.FormatDate(notice.Date)}."
        : $"You told the vendor you paid on {format.FormatDate(notice.Date)} by {notice.Method}.";
}
