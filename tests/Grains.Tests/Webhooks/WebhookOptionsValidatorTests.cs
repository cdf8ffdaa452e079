using TermSync.Grains.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

public sealed class WebhookOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(WebhookOptionsValidator.Check(new WebhookOptions()));
    }

    [Fact]
    public void Short_window_needs_explicit_permission()
    {
        var failures = WebhookOptionsValidator.Check(new WebhookOptions { RetryWindow = TimeSpan.FromHours(23) });
        var allowed = WebhookOptionsValidator.Check(new WebhookOptions { RetryWindow = TimeSpan.FromHours(23), AllowShortRetryWindow = true });

        Assert.Contains("Webhooks:RetryWindow", Assert.Single(failures));
        Assert.Empty(allowed);
    }

    [Theory]
    [InlineData("FirstRetryDelay", "00:00:00")]
    [InlineData("MaxRetryDelay", "00:00:10")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Timeout", "00:01:00")]
    public void Invalid_setting_is_named(string setting, string value)
    {
        var options = new WebhookOptions();
        typeof(WebhookOptions).GetProperty(setting)!.SetValue(options, TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var failure = Assert.Single(WebhookOptionsValidator.Check(options));

        Assert.Contains($"Webhooks:{setting}", failure);
    }
}
