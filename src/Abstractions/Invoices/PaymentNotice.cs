using System.Globalization;

namespace TermSync.Invoices;

/// <summary>
/// A customer's notice about one open invoice: paid on a date by a method, or a promise to pay on a date. It is not a
/// payment, so the amounts stay as they are until the vendor records the payment. Digests leave the invoice out while
/// <see cref="ExcludesFromDigest"/> is true.
/// </summary>
/// <param name="Date">The payment date for <see cref="PaymentNoticeKind.Paid"/>, the promised date for <see cref="PaymentNoticeKind.Promised"/>.</param>
/// <param name="Method">How the customer paid, such as "bank transfer"; required for a paid notice, null for a promise.</param>
/// <param name="AuthorName">The customer's clerk who sent the notice.</param>
/// <param name="RecordedAt">When the invoice grain stored the notice, from its clock; a caller's value is replaced.</param>
[GenerateSerializer, Immutable, Alias("termsync.PaymentNotice")]
public sealed record PaymentNotice(
    [property: Id(0)] PaymentNoticeKind Kind,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string? Method,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] DateTimeOffset RecordedAt)
{
    /// <summary>The latest promised date accepted, in days after the vendor's current date.</summary>
    public const int MaxPromiseDays = 90;

    /// <summary>
    /// Days after the paid date during which digests leave the invoice out: an allowance, not a measured figure, for a
    /// transfer to reach the vendor and be recorded. After them the invoice returns to digests while it is still open.
    /// </summary>
    public const int PaidClearingDays = 10;

    /// <summary>The longest payment method accepted, in characters.</summary>
    public const int MaxMethodLength = 100;

    /// <summary>The longest author name accepted, in characters.</summary>
    public const int MaxAuthorNameLength = 200;

    /// <summary>
    /// Returns whether a digest built for <paramref name="asOf"/> leaves the invoice out: a promise until its date has
    /// passed, and a paid notice through <see cref="PaidClearingDays"/> days after the paid date.
    /// </summary>
    public bool ExcludesFromDigest(DateOnly asOf) => Kind switch
    {
        PaymentNoticeKind.Promised => asOf <= Date,
        PaymentNoticeKind.Paid => asOf <= Date.AddDays(PaidClearingDays),
        _ => false,
    };

    /// <summary>Returns whether <paramref name="other"/> has the same kind, date and method.</summary>
    public bool SameAs(PaymentNotice? other) =>
        other is not null && other.Kind == Kind && other.Date == Date && string.Equals(other.Method, Method, StringComparison.Ordinal);

    /// <summary>
    /// Returns why the notice is invalid for an invoice issued on <paramref name="issueDate"/> when the vendor's date is
    /// <paramref name="today"/>, with the name of the field at fault, or null when it is valid.
    /// </summary>
    public (string Field, string Error)? Check(DateOnly today, DateOnly issueDate)
    {
        if (string.IsNullOrWhiteSpace(AuthorName) || AuthorName.Length > MaxAuthorNameLength)
        {
            return ("authorName", $"The author name is missing or longer than {MaxAuthorNameLength} characters; send the name of the clerk who sends the notice.");
        }

        return Kind switch
        {
            PaymentNoticeKind.Paid => CheckPaid(today, issueDate),
            PaymentNoticeKind.Promised => CheckPromised(today),
            _ => ("kind", $"'{Kind}' is not a kind of payment notice; send paid or promised."),
        };
    }

    private (string Field, string Error)? CheckPaid(DateOnly today, DateOnly issueDate)
    {
        if (string.IsNullOrWhiteSpace(Method) || Method.Length > MaxMethodLength)
        {
            return ("method", $"The payment method is missing or longer than {MaxMethodLength} characters; send how the invoice was paid, such as \"bank transfer\".");
        }

        if (Date > today)
        {
            return ("date", $"The paid date {Iso(Date)} is after the vendor's current date {Iso(today)}; send the date the payment was made, or send a promise to pay instead.");
        }

        return Date < issueDate
            ? ("date", $"The paid date {Iso(Date)} is before the invoice's issue date {Iso(issueDate)}; send the date the payment was made.")
            : null;
    }

    private (string Field, string Error)? CheckPromised(DateOnly today)
    {
        if (Method is not null)
        {
            return ("method", "A promise to pay has no payment method; leave the method out, or send a paid notice once the invoice is paid.");
        }

        if (Date < today)
        {
            return ("date", $"The promised date {Iso(Date)} is before the vendor's current date {Iso(today)}; send today or a later date.");
        }

        var latest = today.AddDays(MaxPromiseDays);
        return Date > latest
            ? ("date", $"The promised date {Iso(Date)} is more than {MaxPromiseDays} days ahead; send a date on or before {Iso(latest)}.")
            : null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
