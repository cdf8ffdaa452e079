namespace TermSync.Invoices;

/// <summary>
/// Payment terms from which a due date is computed: net <see cref="NetDays"/> days from the issue date, or from
/// the end of the issue month when <see cref="EndOfMonth"/> is set, with an optional early-payment discount
/// ("2% 10, net 30": <see cref="DiscountPercent"/> 2 within <see cref="DiscountDays"/> 10 days).
/// </summary>
[GenerateSerializer, Immutable, Alias("termsync.PaymentTerms")]
public sealed record PaymentTerms(
    [property: Id(0)] int NetDays,
    [property: Id(1)] bool EndOfMonth = false,
    [property: Id(2)] decimal? DiscountPercent = null,
    [property: Id(3)] int? DiscountDays = null)
{
    /// <summary>Computes the due date of an invoice issued on <paramref name="issueDate"/>.</summary>
    public DateOnly DueDate(DateOnly issueDate)
    {
        var start = EndOfMonth
            ? new DateOnly(issueDate.Year, issueDate.Month, DateTime.DaysInMonth(issueDate.Year, issueDate.Month))
            : issueDate;
        return start.AddDays(NetDays);
    }

    /// <summary>Returns the last day of the discount period, or null when the terms give no discount.</summary>
    public DateOnly? DiscountDate(DateOnly issueDate) =>
        DiscountDays is { } days && DiscountPercent is not null ? issueDate.AddDays(days) : null;

    /// <summary>Returns why the terms are invalid, or null when they are valid.</summary>
    public string? Validate()
    {
        if (NetDays is < 0 or > 3650)
        {
            return $"Net days {NetDays} must be between 0 and 3650.";
        }

        if ((DiscountPercent is null) != (DiscountDays is null))
        {
            return "An early-payment discount needs both a percentage and a number of days.";
        }

        if (DiscountPercent is { } percent && (percent <= 0 || percent >= 100))
        {
            return $"The discount of {percent}% must be above 0 and below 100.";
        }

        return DiscountDays is { } days && (days < 0 || days > NetDays) && !EndOfMonth
            ? $"The discount period of {days} days must lie within the {NetDays} net days."
            : null;
    }
}
