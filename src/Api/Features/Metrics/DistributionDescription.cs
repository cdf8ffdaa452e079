namespace TermSync.Api.Features.Metrics;

/// <summary>The part of the distribution endpoints' descriptions that both share.</summary>
internal static class DistributionDescription
{
    public const string Common =
        "For each currency and each ratio or day figure (DSO, BPDSO, ADD, countback DSO, monthly and quarterly CEI, average and " +
        "amount-weighted days late, average days to pay, dispute rate), gives how many vendors have the figure defined and the lower " +
        "quartile, median and upper quartile of their figures, interpolated linearly between the two nearest ranks (as spreadsheet " +
        "QUARTILE.INC does). Money figures are left out. Without asOf the figures are today's running totals; with asOf they are computed " +
        "from the ledger for that date, over the window of windowDays dates ending with it.";
}
