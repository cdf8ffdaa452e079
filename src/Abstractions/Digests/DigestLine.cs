namespace TermSync.Digests;

/// <summary>One invoice as a digest showed it.</summary>
/// <param name="OpenAmount">The amount in this line's section when the digest was built, from the customer's statement: the
/// owed part of an open invoice, or the part a dispute holds under review. An invoice disputed in part has one line of each.</param>
/// <param name="DaysPastDue">Days from the due date to the digest's as-of date; 0 when not yet due.</param>
/// <param name="UnderReview">Whether the line is the part an open dispute held out of the amount owed.</param>
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
