using TermSync.Conversations;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Vendors;
using TermSync.Webhooks;

namespace TermSync.Silo.Tests.Persistence;

/// <summary>
/// A webhook delivery still retrying when its silo stops is resumed on the next silo from the state in PostgreSQL, with
/// the same event id and body. Its Orleans reminder wakes it, or the conversation publishing the unacknowledged event again.
/// </summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    /// <summary>The delivery's reminder fires one minute after the retry was due; this leaves room for a slow start.</summary>
    private static readonly TimeSpan ResumeTimeout = TimeSpan.FromMinutes(3);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:FirstRetryDelay"] = "00:00:01",
        ["Webhooks:MaxRetryDelay"] = "00:00:02",
        ["Webhooks:RetryWindow"] = "01:00:00",
        ["Webhooks:AllowShortRetryWindow"] = "true",
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateNetworks"] = "true",
    };

    private readonly string outboxPath = Path.Combine(Path.GetTempPath(), $"termsync-webhook-restart-{Guid.NewGuid():N}");

    private PostgresDatabase database = null!;

    private TestWebhookReceiver receiver = null!;

    public async ValueTask InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        receiver = await TestWebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await receiver.DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(outboxPath))
        {
            Directory.Delete(outboxPath, recursive: true);
        }
    }

    [Fact]
    public async Task Pending_delivery_resumes_after_restart()
    {
        receiver.RespondAlways("hook", 500);
        await using (var first = await SiloHost.StartAsync(database.ConnectionString, database.Name, outboxPath, Settings))
        {
            await first.Grains.GetGrain<IVendorGrain>("north").RegisterAsync(new VendorProfile("North", "ar@north.example", "UTC"));
            await first.Grains.GetGrain<IInvoiceGrain>(InvoiceKey.Format("north", "INV-1"))
                .IssueAsync(new InvoiceDraft(new CustomerReference("c1", "Customer One", null), "USD", 10m, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), "A-1"));
            var registration = await first.Grains.GetGrain<IVendorWebhooksGrain>("north").AddEndpointAsync(receiver.Url("hook"), [VendorEventType.QuestionOpened]);
            receiver.SetSecret("hook", registration.Secret!);

            var draft = new ConversationDraft(ConversationKind.Question, [new ConversationInvoice("INV-1")], null, "opening", "Sam", "Which order is this?");
            await first.Grains.GetGrain<IConversationGrain>(VendorScopedKey.Format("north", "q-1")).OpenAsync(draft);
            await receiver.WaitForAsync("hook", 2, TimeSpan.FromSeconds(60));
        }

        var failedBeforeStop = receiver.Received("hook").Count;
        receiver.RespondAlways("hook", 200);
        await using var second = await SiloHost.StartAsync(database.ConnectionString, database.Name, outboxPath, Settings);
        var received = await receiver.WaitForAsync("hook", failedBeforeStop + 1, ResumeTimeout);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        var all = receiver.Received("hook");
        Assert.True(failedBeforeStop >= 2, $"Expected at least 2 failed attempts before the stop, got {failedBeforeStop}.");
        Assert.Single(all, request => request.RespondedWith == 200);
        Assert.Single(all.Select(request => request.EventId).Distinct());
        Assert.Single(all.Select(request => request.Body).Distinct());
        Assert.All(all, request => Assert.True(request.SignatureValid, $"Invalid signature {request.Signature}"));
        var deliveries = await second.Grains.GetGrain<IVendorWebhooksGrain>("north").ListDeliveriesAsync();
        Assert.Equal(WebhookDeliveryStatus.Succeeded, Assert.Single(deliveries).Status);
    }
}
