using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;

namespace TermSync.Grains.Tests.Digests.Links;

public sealed class DigestLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);

    private readonly string key = NewKey();

    [Fact]
    public void Pay_token_round_trips()
    {
        var signer = Signer(key);
        var claims = new DigestLinkClaims(DigestLinkPurpose.Pay, "cus-42", "north", "A/1 Ü?&=#", signer.NewExpiry());

        var verification = signer.Verify(signer.CreateToken(claims), DigestLinkPurpose.Pay);

        Assert.Equal(DigestLinkStatus.Valid, verification.Status);
        Assert.Equal(claims, verification.Claims);
        Assert.Equal(Now.AddDays(30), verification.Claims!.ExpiresAt);
    }

    [Fact]
    public void Conversation_token_round_trips()
    {
        var signer = Signer(key);
        var claims = new DigestLinkClaims(DigestLinkPurpose.Conversation, "cus-42", "north", "c0123456789abcdef", signer.NewExpiry());

        var verification = signer.Verify(signer.CreateToken(claims), DigestLinkPurpose.Conversation);

        Assert.Equal(DigestLinkStatus.Valid, verification.Status);
        Assert.Equal(claims, verification.Claims);
    }

    [Theory]
    [InlineData(DigestLinkPurpose.Statement)]
    [InlineData(DigestLinkPurpose.Unsubscribe)]
    public void Customer_token_round_trips(DigestLinkPurpose purpose)
    {
        var signer = Signer(key);
        var claims = new DigestLinkClaims(purpose, "cus-42", null, null, signer.NewExpiry());

        var verification = signer.Verify(signer.CreateToken(claims), purpose);

        Assert.Equal(DigestLinkStatus.Valid, verification.Status);
        Assert.Equal(claims, verification.Claims);
    }

    [Fact]
    public void Survey_token_round_trips()
    {
        var signer = Signer(key);
        var claims = new DigestLinkClaims(DigestLinkPurpose.Survey, "cus-42", null, null, signer.NewExpiry(), "0123456789abcdef0123456789abcdef", 4);

        var verification = signer.Verify(signer.CreateToken(claims), DigestLinkPurpose.Survey);

        Assert.Equal(DigestLinkStatus.Valid, verification.Status);
        Assert.Equal(claims, verification.Claims);
        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify(signer.CreateToken(claims), DigestLinkPurpose.Statement).Status);
        Assert.Throws<ArgumentException>(() => signer.CreateToken(claims with { Score = 6 }));
        Assert.Throws<ArgumentException>(() => signer.CreateToken(claims with { SurveyId = "not-a-survey" }));
        Assert.Throws<ArgumentException>(() => signer.CreateToken(claims with { Purpose = DigestLinkPurpose.Statement }));
    }

    [Fact]
    public void Url_carries_token_under_links_path()
    {
        var signer = Signer(key);

        var url = signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Ask, "cus-42", "north", "A-1", signer.NewExpiry()));

        Assert.StartsWith("https://termsync.test/links/ask?token=", url);
        var token = url["https://termsync.test/links/ask?token=".Length..];
        Assert.Equal(DigestLinkStatus.Valid, signer.Verify(token, DigestLinkPurpose.Ask).Status);
        Assert.Equal(Uri.EscapeDataString(token), token);
    }

    [Fact]
    public void Flipped_byte_in_payload_or_mac_is_invalid()
    {
        var signer = Signer(key);
        var token = signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Pay, "cus-42", "north", "A-1", signer.NewExpiry()));
        var parts = token.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[0]);
        var mac = Base64Url.DecodeFromChars(parts[1]);

        for (var index = 0; index < payload.Length; index++)
        {
            var altered = (byte[])payload.Clone();
            altered[index] ^= 0x01;
            var verification = signer.Verify($"{Base64Url.EncodeToString(altered)}.{parts[1]}", DigestLinkPurpose.Pay);
            Assert.True(verification.Status == DigestLinkStatus.Invalid, $"Payload byte {index} flipped gave {verification.Status}.");
        }

        for (var index = 0; index < mac.Length; index++)
        {
            var altered = (byte[])mac.Clone();
            altered[index] ^= 0x80;
            var verification = signer.Verify($"{parts[0]}.{Base64Url.EncodeToString(altered)}", DigestLinkPurpose.Pay);
            Assert.True(verification.Status == DigestLinkStatus.Invalid, $"MAC byte {index} flipped gave {verification.Status}.");
        }
    }

    [Fact]
    public void Changed_character_is_invalid()
    {
        var signer = Signer(key);
        var token = signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Statement, "cus-42", null, null, signer.NewExpiry()));

        for (var index = 0; index < token.Length; index++)
        {
            var replacement = token[index] == 'A' ? 'B' : 'A';
            var altered = string.Concat(token.AsSpan(0, index), replacement.ToString(), token.AsSpan(index + 1));
            var verification = signer.Verify(altered, DigestLinkPurpose.Statement);
            Assert.True(verification.Status == DigestLinkStatus.Invalid, $"Character {index} changed gave {verification.Status}.");
        }
    }

    [Fact]
    public void Expired_token_is_expired()
    {
        var signer = Signer(key);
        var token = signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Pay, "cus-42", "north", "A-1", signer.NewExpiry()));

        time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var lastSecond = signer.Verify(token, DigestLinkPurpose.Pay);
        time.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = signer.Verify(token, DigestLinkPurpose.Pay);

        Assert.Equal(DigestLinkStatus.Valid, lastSecond.Status);
        Assert.Equal(DigestLinkStatus.Expired, atExpiry.Status);
        Assert.Null(atExpiry.Claims);
    }

    [Theory]
    [InlineData(DigestLinkPurpose.Pay, DigestLinkPurpose.Ask)]
    [InlineData(DigestLinkPurpose.Ask, DigestLinkPurpose.Pay)]
    [InlineData(DigestLinkPurpose.Statement, DigestLinkPurpose.Unsubscribe)]
    [InlineData(DigestLinkPurpose.Unsubscribe, DigestLinkPurpose.Statement)]
    public void Purpose_mismatch_is_invalid(DigestLinkPurpose signed, DigestLinkPurpose expected)
    {
        var signer = Signer(key);
        var namesInvoice = signed is DigestLinkPurpose.Pay or DigestLinkPurpose.Ask;
        var token = signer.CreateToken(new DigestLinkClaims(signed, "cus-42", namesInvoice ? "north" : null, namesInvoice ? "A-1" : null, signer.NewExpiry()));

        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify(token, expected).Status);
    }

    [Fact]
    public void Key_of_other_deployment_is_invalid()
    {
        var other = Signer(NewKey());
        var token = other.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Pay, "cus-42", "north", "A-1", other.NewExpiry()));

        Assert.Equal(DigestLinkStatus.Invalid, Signer(key).Verify(token, DigestLinkPurpose.Pay).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.")]
    [InlineData(".abc")]
    [InlineData("a.b.c")]
    [InlineData("not base64!.not base64!")]
    public void Malformed_token_is_invalid(string? token)
    {
        Assert.Equal(DigestLinkStatus.Invalid, Signer(key).Verify(token, DigestLinkPurpose.Pay).Status);
    }

    [Fact]
    public void Padded_or_spaced_token_is_invalid()
    {
        var signer = Signer(key);
        var token = signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Unsubscribe, "cus-42", null, null, signer.NewExpiry()));

        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify($" {token}", DigestLinkPurpose.Unsubscribe).Status);
        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify(token.Replace(".", " .", StringComparison.Ordinal), DigestLinkPurpose.Unsubscribe).Status);
        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify($"{token}=", DigestLinkPurpose.Unsubscribe).Status);
        Assert.Equal(DigestLinkStatus.Invalid, signer.Verify(token + new string('A', DigestLinkSigner.MaxTokenLength), DigestLinkPurpose.Unsubscribe).Status);
    }

    [Fact]
    public void Token_names_only_its_customer_and_invoice()
    {
        var signer = Signer(key);
        var token = signer.CreateToken(new DigestLinkClaims(DigestLinkPurpose.Pay, "cus-42", "north", "A-1", signer.NewExpiry()));

        var payload = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0]));

        Assert.Contains("cus-42", payload);
        Assert.Contains("north", payload);
        Assert.Contains("A-1", payload);
        Assert.True(payload.Length < 40, $"The payload has {payload.Length} characters; it should hold only version, purpose, expiry and three ids.");
    }

    [Theory]
    [InlineData(DigestLinkPurpose.Pay, "cus-42", null, "A-1")]
    [InlineData(DigestLinkPurpose.Ask, "cus-42", "north", null)]
    [InlineData(DigestLinkPurpose.Statement, "cus-42", "north", null)]
    [InlineData(DigestLinkPurpose.Unsubscribe, "cus-42", null, "A-1")]
    [InlineData(DigestLinkPurpose.Statement, "not a customer id", null, null)]
    [InlineData(DigestLinkPurpose.Pay, "cus-42", "North Ltd", "A-1")]
    public void Ill_formed_claims_are_rejected(DigestLinkPurpose purpose, string customerId, string? vendorId, string? invoiceNumber)
    {
        var signer = Signer(key);

        Assert.Throws<ArgumentException>(() => signer.CreateToken(new DigestLinkClaims(purpose, customerId, vendorId, invoiceNumber, signer.NewExpiry())));
    }

    [Theory]
    [InlineData(null, "Digests:LinkSigningKey is missing")]
    [InlineData("  ", "Digests:LinkSigningKey is missing")]
    [InlineData("not base64 at all", "Digests:LinkSigningKey is not valid base64")]
    [InlineData("c2hvcnQga2V5", "Digests:LinkSigningKey has 9 bytes, fewer than 32")]
    public void Missing_or_weak_key_fails_startup(string? value, string expected)
    {
        var options = Options.Create(new DigestOptions { LinkSigningKey = value });

        var exception = Assert.Throws<OptionsValidationException>(() => new DigestLinkSigner(options, time));

        Assert.Contains(expected, exception.Message);
        Assert.Contains("openssl rand -base64 32", exception.Message);
        Assert.Contains("Digests__LinkSigningKey", exception.Message);
    }

    [Fact]
    public void Validator_accepts_a_generated_key()
    {
        var result = new DigestOptionsValidator().Validate(null, new DigestOptions { LinkSigningKey = key });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private DigestLinkSigner Signer(string signingKey) =>
        new(Options.Create(new DigestOptions { LinkSigningKey = signingKey, PublicBaseUrl = "https://termsync.test/" }), time);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
