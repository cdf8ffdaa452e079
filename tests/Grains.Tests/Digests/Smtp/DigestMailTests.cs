using MimeKit.Utils;
using TermSync.Grains.Digests.Smtp;

namespace TermSync.Grains.Tests.Digests.Smtp;

public sealed class DigestMailTests
{
    [Theory]
    [InlineData("c-42:2025-W05", "digest.c-42=3A2025-W05@termsync.test")]
    [InlineData("acme.eu_7:2025-11-03-past-due", "digest.acme=2Eeu_7=3A2025-11-03-past-due@termsync.test")]
    [InlineData("Ünal:2025-W05", "digest.=C3=9Cnal=3A2025-W05@termsync.test")]
    public void Message_id_is_escaped_digest_id(string digestId, string expected)
    {
        var messageId = DigestMail.MessageId(digestId, "termsync.test");

        Assert.Equal(expected, messageId);
        Assert.Equal(messageId, MimeUtils.ParseMessageId($"<{messageId}>"));
    }

    [Fact]
    public void Message_ids_of_distinct_digests_differ()
    {
        Assert.NotEqual(DigestMail.MessageId("a.b:c", "termsync.test"), DigestMail.MessageId("a:b.c", "termsync.test"));
        Assert.NotEqual(DigestMail.MessageId("a=3A:b", "termsync.test"), DigestMail.MessageId("a::b", "termsync.test"));
    }

    [Fact]
    public void Message_id_domain_is_idna_encoded()
    {
        Assert.Equal("digest.c-1=3Ak@xn--mller-kva.test", DigestMail.MessageId("c-1:k", "müller.test"));
    }

    [Theory]
    [InlineData("ap@customer.test", true)]
    [InlineData("Accounts Payable <ap@customer.test>", true)]
    [InlineData("ap@customer", false)]
    [InlineData("ap@", false)]
    [InlineData("@customer.test", false)]
    [InlineData("ap customer.test", false)]
    [InlineData("ap@customer.test, ar@customer.test", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Address_check_accepts_one_routable_mailbox(string? text, bool valid)
    {
        Assert.Equal(valid, DigestMail.TryParseAddress(text, out _));
    }
}
