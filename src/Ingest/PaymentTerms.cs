using System.Globalization;

namespace TermSync.Ingest;

/// <summary>
/// Payment terms: when the full amount of an invoice falls due, and an optional early-payment discount.
/// <see cref="PaymentTermsParser"/> reads them from text such as "net 30" or "2% 10 net 30".
/// </summary>
/// <param name="NetDays">
/// Days until the full amount is due, counted from the issue date, or from the last day of the issue
/// month when <paramref name="EndOfMonth"/> is set; 0 means due on receipt.
/// </param>
/// <param name="EndOfMonth">Whether <paramref name="NetDays"/> count from the last day of the issue month.</param>
/// <param name="DiscountPercent">Percentage taken off for paying early, such as 2 for 2 %; null when there is no discount.</param>
/// <param name="DiscountDays">Days after the issue date within which the discount applies; null exactly when <paramref name="DiscountPercent"/> is.</param>
public sealed record PaymentTerms(int NetDays, bool EndOfMonth = false, decimal? DiscountPercent = null, int? DiscountDays = null)
{
    /// <summary>Computes the date by which the full amount is due for an invoice issued on <paramref name="issueDate"/>.</summary>
    public DateOnly DueDate(DateOnly issueDate)
    {
        var start = EndOfMonth
            ? new DateOnly(issueDate.Year, issueDate.Month, DateTime.DaysInMonth(issueDate.Year, issueDate.Month))
            : issueDate;
        return start.AddDays(NetDays);
    }

    /// <summary>Computes the last day on which the discount applies, or null when there is no discount.</summary>
    public DateOnly? DiscountDate(DateOnly issueDate) => DiscountDays is { } days ? issueDate.AddDays(days) : null;

    /// <summary>Formats the terms in the syntax that <see cref="PaymentTermsParser"/> reads: "net 30", "net 30 EOM" or "2% 10 net 30".</summary>
    public override string ToString()
    {
        var net = EndOfMonth ? $"net {NetDays} EOM" : $"net {NetDays}";
        return DiscountPercent is { } percent
            ? string.Create(CultureInfo.InvariantCulture, $"{percent}% {DiscountDays} {net}")
            : net;
    }
}
