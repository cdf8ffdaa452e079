namespace TermSync.Grains.Conversations;

[GenerateSerializer, Alias("termsync.VendorConversationFiguresState")]
public sealed class VendorConversationFiguresState
{
    /// <summary>The newest summary of each conversation of the vendor, by conversation id.</summary>
    /// <remarks>NOTE: this grows with the vendor's conversation count and is written whole on every change.</remarks>
    [Id(0)]
    public Dictionary<string, ConversationSummary> Conversations { get; set; } = new(StringComparer.Ordinal);
}
