using System.Net;
using Microsoft.Extensions.Options;
using TermSync.Grains.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

/// <summary>URL checks with the production defaults. Every host is an IP literal, so no test sends a DNS query.</summary>
public sealed class WebhookUrlPolicyTests
{
    private readonly WebhookUrlPolicy _policy = new(Options.Create(new WebhookOptions()));

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    public void Non_public_address_is_classified(string address, string expected)
    {
        Assert.Equal(expected, WebhookAddressRules.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("172.32.0.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void Public_address_is_allowed(string address)
    {
        Assert.Null(WebhookAddressRules.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[::1]:8443/hook", "loopback")]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("http://203.0.113.10/hook", "uses http")]
    [InlineData("ftp://203.0.113.10/hook", "not an absolute https URL")]
    [InlineData("/relative/hook", "not an absolute https URL")]
    [InlineData("https://user:password@203.0.113.10/hook", "user name or password")]
    public async Task Url_is_rejected_with_reason(string url, string reason)
    {
        var error = await _policy.CheckAsync(url, TestContext.Current.CancellationToken);

        Assert.NotNull(error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public async Task Public_https_literal_is_accepted()
    {
        Assert.Null(await _policy.CheckAsync("https://203.0.113.10/termsync", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Settings_allow_http_and_loopback()
    {
        var policy = new WebhookUrlPolicy(Options.Create(new WebhookOptions { AllowHttp = true, AllowPrivateNetworks = true }));

        Assert.Null(await policy.CheckAsync("http://127.0.0.1:5000/hook", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Connection_check_rejects_any_private_answer()
    {
        var error = _policy.CheckAddresses("mixed.example", [IPAddress.Parse("203.0.113.10"), IPAddress.Parse("10.0.0.1")]);

        Assert.NotNull(error);
        Assert.Contains("10.0.0.1", error);
    }
}
