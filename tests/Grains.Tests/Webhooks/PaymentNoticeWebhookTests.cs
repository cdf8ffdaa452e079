using System.Text.Json;
using TermSync.Conversations;
using TermSync.Grains.Tests.Invoices;
using TermSync.Invoices;
using TermSync.Tests;
using TermSync.Webhooks;

namespace TermSync.Grains.Tests.Webhooks;

/// <summary>Payment notices reaching a vendor's webhook receiver straight from the invoice grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PaymentNoticeWebhookTests(ClusterFixture fixture) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private TestWebhookReceiver _receiver = null!;

    private IGrainFactory Grains => fixture.Grains;

    public async ValueTask InitializeAsync() => _receiver = await TestWebhookReceiver.StartAsync();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Notice_is_delivered_once()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        var registration = await Grains.GetGrain<IVendorWebhooksGrain>(vendorId)
            .AddEndpointAsync(_receiver.Url("notices"), [VendorEventType.PaymentNoticeReceived]);
        _receiver.SetSecret("notices", registration.Secret!);
        var invoice = Grains.Invoice(vendorId, "N-1");
        await invoice.IssueAsync(TestData.Draft(customerId, 250m));

        var recorded = await invoice.RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Paid(Today.AddDays(-1), "bank transfer"));
        await invoice.RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Paid(Today.AddDays(-1), "bank transfer"));
        var received = await _receiver.WaitForAsync("notices", 1, TimeSpan.FromSeconds(30));
        var deliveries = await Grains.GetGrain<IVendorWebhooksGrain>(vendorId).ListDeliveriesAsync();

        var request = Assert.Single(received);
        Assert.True(request.SignatureValid);
        Assert.Equal("payment.notice", request.EventType);
        Assert.Single(deliveries);
        using var body = JsonDocument.Parse(request.Body);
        var data = body.RootElement.GetProperty("data").GetProperty("invoice");
        Assert.Equal("N-1", data.GetProperty("invoiceNumber").GetString());
        Assert.Equal(customerId, data.GetProperty("customerId").GetString());
        Assert.Equal(recorded.Invoice!.Version, data.GetProperty("version").GetInt32());
        var notice = data.GetProperty("paymentNotice");
        Assert.Equal("paid", notice.GetProperty("kind").GetString());
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd"), notice.GetProperty("date").GetString());
        Assert.Equal("bank transfer", notice.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Unsubscribed_endpoint_gets_nothing()
    {
        var vendorId = await TestData.RegisterVendorAsync(Grains, "North");
        var customerId = TestData.NewId("c");
        await Grains.GetGrain<IVendorWebhooksGrain>(vendorId).AddEndpointAsync(_receiver.Url("questions"), [VendorEventType.QuestionOpened]);
        var invoice = Grains.Invoice(vendorId, "N-1");
        await invoice.IssueAsync(TestData.Draft(customerId, 250m));

        var result = await invoice.RecordPaymentNoticeAsync(customerId, PaymentNoticeTests.Promise(Today.AddDays(7)));

        Assert.Equal(InvoiceCommandStatus.Applied, result.Status);
        Assert.Empty(await Grains.GetGrain<IVendorWebhooksGrain>(vendorId).ListDeliveriesAsync());
    }
}
