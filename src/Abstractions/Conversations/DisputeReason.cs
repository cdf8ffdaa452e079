namespace TermSync.Conversations;

/// <summary>Why the customer disputes a charge.</summary>
[GenerateSerializer, Alias("termsync.DisputeReason")]
public enum DisputeReason
{
    Pricing = 0,
    Quantity = 1,
    DamagedGoods = 2,
    NotReceived = 3,
    DuplicateBilling = 4,
    Other = 5,
}
