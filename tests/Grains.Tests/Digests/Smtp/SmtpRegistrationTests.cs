using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Smtp;
using TermSync.Silo.Hosting;

namespace TermSync.Grains.Tests.Digests.Smtp;

public sealed class SmtpRegistrationTests
{
    [Fact]
    public void Outbox_is_used_without_smtp_host()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Smtp:From"] = "digests@termsync.test" });

        Assert.IsType<OutboxDelivery>(provider.GetRequiredService<IDigestDelivery>());
    }

    [Fact]
    public void Smtp_is_used_with_smtp_host()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "2525",
            ["Smtp:Security"] = "SslOnConnect",
            ["Smtp:From"] = "digests@termsync.test",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<SmtpDelivery>(provider.GetRequiredService<IDigestDelivery>());
        var options = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(2525, options.Port);
        Assert.Equal(SmtpSecurity.SslOnConnect, options.Security);
        Assert.Equal("TermSync", options.FromName);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(4, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.FirstRetryDelay);
    }

    [Fact]
    public void Smtp_host_without_sender_fails_at_startup()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Smtp:Host"] = "mail.termsync.test" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Smtp:From is missing but Smtp:Host is set to 'mail.termsync.test'", error.Message);
    }

    [Fact]
    public void Invalid_smtp_settings_are_named_at_startup()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "mail.termsync.test",
            ["Smtp:From"] = "digests",
            ["Smtp:Port"] = "0",
            ["Smtp:MaxAttempts"] = "0",
            ["Smtp:Password"] = "s3cret-pass",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Smtp:From 'digests' is not a valid email address", error.Message);
        Assert.Contains("Smtp:Port 0 is not a TCP port", error.Message);
        Assert.Contains("Smtp:MaxAttempts 0 is below 1", error.Message);
        Assert.Contains("Smtp:Password is set but Smtp:Username is missing", error.Message);
        Assert.DoesNotContain("s3cret-pass", error.Message);
    }

    [Fact]
    public void Registered_delivery_is_kept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDigestDelivery, RecordingDelivery>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Smtp:Host"] = "127.0.0.1", ["Smtp:From"] = "digests@termsync.test" })
            .Build();

        services.AddLogging().AddTermSyncGrainServices(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.IsType<RecordingDelivery>(provider.GetRequiredService<IDigestDelivery>());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        // Startup validation checks the digest link settings too, so each provider gets a valid signing key.
        settings["Digests:LinkSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTermSyncGrainServices(configuration).BuildServiceProvider();
    }

    private sealed class RecordingDelivery : IDigestDelivery
    {
        public Task<DeliveryResult> DeliverAsync(DigestMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(new DeliveryResult(TermSync.Digests.DeliveryStatus.Delivered, 1, null, null));
    }
}
