namespace TermSync.Digests;

/// <summary>One invoice as a digest showed it.</summary>
/// <param name="OpenAmount">What was still owed when the digest was built, re-read from the invoice.</param>
/// <param name="DaysPastDue">Days from the due date to the digest's as-of date; 0 when not yet due.</param>
/// <param name="UnderReview">Whether an open dispute kept the invoice out of the amount owed.</param>
[GenerateSerializer, Immutable, Alias("termsync.DigestLine")]
public sealed record DigestLine(
    [property: Id(0)] string VendorId,
    [property: Id(1)] string InvoiceNumber,
    [property: Id(2)] string Currency,
    [property: Id(3)] decimal OpenAmount,
    [property: Id(4)] DateOnly IssueDate,
    [property: Id(5)] DateOnly DueDate,
    [property: Id(6)] int DaysPastDue,
    [property: Id(7)] bool UnderReview);
