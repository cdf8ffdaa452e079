using TermSync.Conversations;
using TermSync.CreditNotes;
using TermSync.Customers;
using TermSync.Digests;
using TermSync.Money;

namespace TermSync.Grains.Tests.Conversations;

/// <summary>Disputes hold amounts out of what the customer owes until they are resolved.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DisputeTests(ClusterFixture fixture)
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Disputed_invoice_returns_after_credit_note()
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1", "INV-2");
        var conversation = ResponseClockTests.Conversation(Grains, vendorId, "dispute-1");

        var opened = await conversation.OpenAsync(Dispute(DisputeReason.Pricing, new ConversationInvoice("INV-1")));
        var held = await TotalAsync(customerId);
        var preview = await Grains.GetGrain<IDigestGrain>(customerId).PreviewAsync(AsOf);

        Assert.Equal(ConversationCommandStatus.Applied, opened.Status);
        Assert.Equal((2000m, 1000m, 1000m), (held.OpenAmount, held.DisputedAmount, held.OwedAmount));
        Assert.Equal(["INV-2"], preview.Lines.Where(line => !line.UnderReview).Select(line => line.InvoiceNumber));
        Assert.Equal(["INV-1"], preview.Lines.Where(line => line.UnderReview).Select(line => line.InvoiceNumber));

        await Grains.GetGrain<ICreditNoteGrain>(VendorScopedKey.Format(vendorId, "CN-1")).IssueAsync(new CreditNote("INV-1", 250m, AsOf));
        var resolved = await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.CreditIssued, Party.Vendor, "Dana", "CN-1", Text: "We credited the price difference."));
        var released = await TotalAsync(customerId);
        var after = await Grains.GetGrain<IDigestGrain>(customerId).PreviewAsync(AsOf);

        Assert.Equal(ConversationCommandStatus.Applied, resolved.Status);
        Assert.Equal("CN-1", resolved.Conversation!.OutcomeReference);
        Assert.Equal((1750m, 0m, 1750m), (released.OpenAmount, released.DisputedAmount, released.OwedAmount));
        Assert.Equal(750m, Assert.Single(after.Lines, line => line.InvoiceNumber == "INV-1").OpenAmount);
        Assert.DoesNotContain(after.Lines, line => line.UnderReview);

        var notice = await CustomerNoticeAsync(customerId, "credit issued");
        Assert.Contains("We credited the price difference.", notice);
        Assert.Contains("https://termsync.test/links/conversation?token=", notice);
    }

    [Fact]
    public async Task Partial_dispute_holds_its_amount()
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");
        var conversation = ResponseClockTests.Conversation(Grains, vendorId, "dispute-1");

        await conversation.OpenAsync(Dispute(DisputeReason.Quantity, new ConversationInvoice("INV-1", 300m)));
        var held = await TotalAsync(customerId);
        var preview = await Grains.GetGrain<IDigestGrain>(customerId).PreviewAsync(AsOf);

        Assert.Equal((1000m, 300m, 700m), (held.OpenAmount, held.DisputedAmount, held.OwedAmount));
        Assert.Equal(700m, Assert.Single(preview.Lines, line => !line.UnderReview).OpenAmount);
        Assert.Equal(300m, Assert.Single(preview.Lines, line => line.UnderReview).OpenAmount);
    }

    [Fact]
    public async Task Question_keeps_amount_owed()
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");

        await ResponseClockTests.Conversation(Grains, vendorId, "question-1").OpenAsync(ResponseClockTests.Question("INV-1"));

        Assert.Equal(1000m, (await TotalAsync(customerId)).OwedAmount);
    }

    [Fact]
    public async Task Withdrawn_dispute_releases_hold()
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");
        var conversation = ResponseClockTests.Conversation(Grains, vendorId, "dispute-1");
        await conversation.OpenAsync(Dispute(DisputeReason.NotReceived, new ConversationInvoice("INV-1")));

        var byVendor = await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Withdrawn, Party.Vendor, "Dana"));
        var withdrawn = await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Withdrawn, Party.Customer, "Sam"));

        Assert.Equal((ConversationCommandStatus.Rejected, "outcome"), (byVendor.Status, byVendor.Field));
        Assert.Equal(ConversationStatus.Resolved, withdrawn.Conversation!.Status);
        Assert.Null(withdrawn.Conversation.FirstResponseAt);
        Assert.Equal(1000m, (await TotalAsync(customerId)).OwedAmount);
    }

    [Theory]
    [InlineData(1000, "invoices[0].disputedAmount")]
    [InlineData(0, "invoices[0].disputedAmount")]
    public async Task Disputed_amount_must_be_below_open(int amount, string field)
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");

        var result = await ResponseClockTests.Conversation(Grains, vendorId, "dispute-1")
            .OpenAsync(Dispute(DisputeReason.Pricing, new ConversationInvoice("INV-1", amount)));

        Assert.Equal((ConversationCommandStatus.Rejected, field), (result.Status, result.Field));
        Assert.Null(await ResponseClockTests.Conversation(Grains, vendorId, "dispute-1").GetAsync());
        Assert.Equal(0m, (await TotalAsync(customerId)).DisputedAmount);
    }

    [Fact]
    public async Task Sub_cent_disputed_amount_is_rejected()
    {
        var (vendorId, customerId) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");

        var result = await ResponseClockTests.Conversation(Grains, vendorId, "dispute-1")
            .OpenAsync(Dispute(DisputeReason.Pricing, new ConversationInvoice("INV-1", 0.001m)));

        Assert.Equal(ConversationCommandStatus.Rejected, result.Status);
        Assert.Equal("invoices[0].disputedAmount", result.Field);
        Assert.Contains("more decimals than", result.Error);
        Assert.Null(await ResponseClockTests.Conversation(Grains, vendorId, "dispute-1").GetAsync());
        Assert.Equal(0m, (await TotalAsync(customerId)).DisputedAmount);
    }

    [Fact]
    public async Task Invoice_of_other_customer_is_not_found()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");
        var draft = ResponseClockTests.Question("INV-1") with { CustomerId = "someone-else" };

        var result = await ResponseClockTests.Conversation(Grains, vendorId, "question-1").OpenAsync(draft);

        Assert.Equal((ConversationCommandStatus.Rejected, "invoices[0].invoiceNumber"), (result.Status, result.Field));
    }

    [Fact]
    public async Task Second_dispute_on_invoice_is_rejected()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");
        await ResponseClockTests.Conversation(Grains, vendorId, "dispute-1").OpenAsync(Dispute(DisputeReason.Pricing, new ConversationInvoice("INV-1")));

        var second = await ResponseClockTests.Conversation(Grains, vendorId, "dispute-2").OpenAsync(Dispute(DisputeReason.Quantity, new ConversationInvoice("INV-1")));

        Assert.Equal(ConversationCommandStatus.Rejected, second.Status);
        Assert.Contains("dispute-1", second.Error);
    }

    [Fact]
    public async Task Vendor_list_puts_waiting_first()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1", "INV-2", "INV-3");
        var answered = ResponseClockTests.Conversation(Grains, vendorId, "answered");
        await answered.OpenAsync(ResponseClockTests.Question("INV-1"));
        await answered.ReplyAsync(new ReplyDraft("reply", Party.Vendor, "Dana", "Freight is charged once."));
        await ResponseClockTests.Conversation(Grains, vendorId, "waiting").OpenAsync(ResponseClockTests.Question("INV-2"));
        var resolved = ResponseClockTests.Conversation(Grains, vendorId, "resolved");
        await resolved.OpenAsync(ResponseClockTests.Question("INV-3"));
        await resolved.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Answered, Party.Vendor, "Dana"));

        var figures = Grains.GetGrain<IVendorConversationFiguresGrain>(vendorId);
        var all = await figures.ListAsync(openOnly: false, limit: 10);
        for (var attempt = 0; attempt < 100 && (all.Count < 3 || all.Any(item => item.ConversationId == "resolved" && item.ResolvedAt is null)); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            all = await figures.ListAsync(openOnly: false, limit: 10);
        }

        var open = await figures.ListAsync(openOnly: true, limit: 10);
        Assert.Equal("waiting", all[0].ConversationId);
        Assert.Equal(["answered", "resolved", "waiting"], all.Select(item => item.ConversationId).Order(StringComparer.Ordinal));
        Assert.Equal(["waiting", "answered"], open.Select(item => item.ConversationId));
    }

    [Fact]
    public async Task Conflicting_repeats_are_conflicts()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");
        var conversation = ResponseClockTests.Conversation(Grains, vendorId, "question-1");
        await conversation.OpenAsync(ResponseClockTests.Question("INV-1"));
        await conversation.ReplyAsync(new ReplyDraft("m1", Party.Vendor, "Dana", "Freight is charged once."));

        var otherText = await conversation.ReplyAsync(new ReplyDraft("m1", Party.Vendor, "Dana", "Something else."));
        await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Answered, Party.Vendor, "Dana"));
        var resolvedAgain = await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.Answered, Party.Vendor, "Dana"));
        var otherOutcome = await conversation.ResolveAsync(new ResolutionDraft(ResolutionOutcome.CreditIssued, Party.Vendor, "Dana", "CN-1"));

        Assert.Equal(ConversationCommandStatus.Conflict, otherText.Status);
        Assert.Equal(ConversationCommandStatus.Unchanged, resolvedAgain.Status);
        Assert.Equal(ConversationCommandStatus.Conflict, otherOutcome.Status);
        Assert.Contains("resolved as answered", otherOutcome.Error);
    }

    [Fact]
    public async Task Question_with_reason_is_rejected()
    {
        var (vendorId, _) = await ResponseClockTests.VendorWithInvoiceAsync(Grains, "INV-1");

        var result = await ResponseClockTests.Conversation(Grains, vendorId, "question-1")
            .OpenAsync(ResponseClockTests.Question("INV-1") with { Reason = DisputeReason.Pricing });

        Assert.Equal((ConversationCommandStatus.Rejected, "reason"), (result.Status, result.Field));
    }

    /// <summary>Waits up to 30 seconds for an email to the customer containing <paramref name="text"/> and returns its text part.</summary>
    private async Task<string> CustomerNoticeAsync(string customerId, string text)
    {
        var folder = Path.Combine(fixture.OutboxPath, customerId);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var match = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "notice-*.txt").Select(File.ReadAllText).FirstOrDefault(notice => notice.Contains(text, StringComparison.Ordinal))
                : null;
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"No email to customer {customerId} containing '{text}' arrived within 30 seconds.");
        return string.Empty;
    }

    private static ConversationDraft Dispute(DisputeReason reason, params ConversationInvoice[] invoices) =>
        new(ConversationKind.Dispute, invoices, reason, "opening", "Sam Clerk", "The unit price differs from the quote.");

    private async Task<CurrencyTotal> TotalAsync(string customerId)
    {
        var statement = await Grains.GetGrain<ICustomerGrain>(customerId).GetStatementAsync(AsOf);
        return Assert.Single(statement.Totals);
    }
}
