using TermSync.Grains.Webhooks;
using TermSync.Tests;

namespace TermSync.Grains.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test-secret-for-signature-vector";

    private const string Body = """{"id":"evt_test","type":"question.opened"}""";

    /// <summary>
    /// Computed outside .NET with
    /// printf '%s' '1700000000.{"id":"evt_test","type":"question.opened"}' | openssl dgst -sha256 -hmac 'whsec_test-secret-for-signature-vector'.
    /// </summary>
    private const string ExpectedHex = "becd91dbd9c8c7d10e1479c9dd99e0a3b999b26795730752341d1fb6e32095ad";

    [Fact]
    public void Signature_matches_openssl_vector()
    {
        Assert.Equal($"v1={ExpectedHex}", WebhookSignature.Compute(Secret, 1_700_000_000, Body));
    }

    [Fact]
    public void Receiver_check_accepts_only_exact_input()
    {
        var signature = WebhookSignature.Compute(Secret, 1_700_000_000, Body);

        Assert.True(TestWebhookReceiver.IsValidSignature(Secret, "1700000000", Body, signature));
        Assert.False(TestWebhookReceiver.IsValidSignature(Secret, "1700000001", Body, signature));
        Assert.False(TestWebhookReceiver.IsValidSignature(Secret, "1700000000", Body + " ", signature));
        Assert.False(TestWebhookReceiver.IsValidSignature(Secret + "x", "1700000000", Body, signature));
    }
}
