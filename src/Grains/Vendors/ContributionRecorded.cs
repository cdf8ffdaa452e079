namespace TermSync.Grains.Vendors;

/// <summary>A new contribution of one invoice to a vendor ledger shard, as the shard's journal stores it.</summary>
[GenerateSerializer, Alias("termsync.ContributionRecorded")]
public sealed record ContributionRecorded(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] InvoiceContribution Contribution);
