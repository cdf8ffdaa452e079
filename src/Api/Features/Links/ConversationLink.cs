using TermSync.Conversations;
using TermSync.Grains.Digests.Links;

namespace TermSync.Api.Features.Links;

/// <summary>Addresses of a conversation's thread page for its customer.</summary>
internal static class ConversationLink
{
    /// <summary>
    /// Returns "conversation?token=…" with a new conversation token, behind <paramref name="prefix"/> ("" from a page
    /// under /links, "../" from one under /links/conversation), so a public base address with a path prefix keeps working.
    /// </summary>
    public static string RelativeUrl(DigestLinkSigner signer, ConversationView conversation, string prefix)
    {
        var claims = new DigestLinkClaims(
            DigestLinkPurpose.Conversation, conversation.CustomerId, conversation.VendorId, conversation.ConversationId, signer.NewExpiry());
        return $"{prefix}conversation?token={signer.CreateToken(claims)}";
    }
}
