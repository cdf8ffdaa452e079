namespace TermSync.Conversations;

/// <summary>The side of a conversation that wrote a message.</summary>
[GenerateSerializer, Alias("termsync.Party")]
public enum Party
{
    Customer = 0,
    Vendor = 1,
}
