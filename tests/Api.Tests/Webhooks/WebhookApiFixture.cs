namespace TermSync.Api.Tests.Webhooks;

/// <summary>
/// The API with webhooks allowed to reach http on 127.0.0.1, where the tests' receivers listen, and retried within
/// seconds. The default <see cref="ApiFixture"/> keeps the production rules, for the tests that check rejections.
/// </summary>
public sealed class WebhookApiFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string> AdditionalSettings { get; } = new Dictionary<string, string>
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.5",
        ["Webhooks:MaxRetryDelay"] = "00:00:01",
        ["Webhooks:RetryWindow"] = "00:00:03",
        ["Webhooks:AllowShortRetryWindow"] = "true",
    };
}

/// <summary>
/// Runs alone, after the parallel collections, because two API hosts that start at once in one process both freeze
/// Serilog's static bootstrap logger, and the second one fails.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebhookApiCollection : ICollectionFixture<WebhookApiFixture>
{
    public const string Name = "WebhookApi";
}
