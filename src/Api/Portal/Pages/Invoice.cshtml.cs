using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TermSync.Api.Features.Conversations;
using TermSync.Api.Features.Customers.PaymentNotices;
using TermSync.Api.Portal.Forms;
using TermSync.Api.Portal.Sessions;
using TermSync.Conversations;
using TermSync.Grains.Digests;
using TermSync.Invoices;
using TermSync.Vendors;
using Notice = TermSync.Api.Features.Customers.PaymentNotices.Record;
using Open = TermSync.Api.Features.Customers.Conversations.Open;
using Reply = TermSync.Api.Features.Customers.Conversations.Reply;
using Withdraw = TermSync.Api.Features.Customers.Conversations.Withdraw;

namespace TermSync.Api.Portal.Pages;

/// <summary>
/// One invoice of the signed-in customer: how to pay it, and its questions and disputes with the vendor, with forms
/// to open one, reply and withdraw. An invoice billed to another customer reads as not found.
/// </summary>
public sealed class InvoiceModel(IClusterClient cluster, PortalSessionCookie cookie, TimeProvider time) : PortalPageModel(cluster, cookie)
{
    [BindProperty(SupportsGet = true)]
    public string Vendor { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    /// <summary>A conversation just opened, shown even before the vendor's list has it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Opened { get; set; }

    [TempData]
    public string? Message { get; set; }

    public InvoiceSnapshot Invoice { get; private set; } = null!;

    public VendorProfile VendorProfile { get; private set; } = null!;

    public DigestFormatter Format { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The customer's time zone, for the times of messages.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public IReadOnlyList<ConversationView> Conversations { get; private set; } = [];

    /// <summary>The vendor's payment page for this invoice, or null when the vendor set none or nothing is owed.</summary>
    public string? PaymentPageUrl { get; private set; }

    /// <summary>The payment form's values as posted, when the post was rejected.</summary>
    public NoticeForm Notice { get; private set; } = new();

    /// <summary>The ask form's values: fresh on GET, as posted when the post was rejected.</summary>
    public AskForm Ask { get; private set; } = AskForm.New("");

    /// <summary>The form whose post was rejected ("ask", or a conversation id for its reply), and why.</summary>
    public (string Form, IReadOnlyList<string> Errors)? Rejected { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Missing();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(AskForm form)
    {
        if (!await LoadAsync())
        {
            return Missing();
        }

        Ask = form;
        if (!AskForm.IsFormConversationId(form.ConversationId))
        {
            Ask = AskForm.New(Session.Email);
            return Reject("ask", ["The form is out of date. Type your message again in the form below and send it."]);
        }

        if (AskForm.IsAmbiguousAmount(form.DisputedAmount))
        {
            return Reject("ask", [$"The disputed amount '{form.DisputedAmount!.Trim()}' can be read as thousands or as decimals; type it with a point before the cents, " +
                "such as 1200.00 or 1.20, or leave it empty to dispute the whole open amount."]);
        }

        var amount = AskForm.ParseAmount(form.DisputedAmount);
        if (form.DisputedAmount is { Length: > 0 } && amount is null)
        {
            return Reject("ask", [$"The disputed amount '{form.DisputedAmount}' is not a number; type it like 120.50, or leave it empty to dispute the whole open amount."]);
        }

        var request = new Open.Request(
            Session.CustomerId,
            Vendor,
            form.ConversationId,
            form.Kind,
            [new InvoiceInput(Number, form.Kind == ConversationKind.Dispute ? amount : null)],
            form.Kind == ConversationKind.Dispute ? form.Reason : null,
            form.AuthorName,
            form.Text);
        if (PortalValidation.Check(new Open.Validator(), request) is { Count: > 0 } errors)
        {
            return Reject("ask", errors);
        }

        var conversationId = ConversationInputRules.ConversationIdOf(request);
        var draft = ConversationInputRules.Draft(request, conversationId, recordedByStaff: false, raisedAt: null, Session.CustomerId);
        var result = await Cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(Vendor, conversationId)).OpenAsync(draft);
        if (result.Status is not (ConversationCommandStatus.Applied or ConversationCommandStatus.Unchanged))
        {
            return Reject("ask", [result.Error ?? "The vendor could not take this question now; try again."]);
        }

        Message = form.Kind == ConversationKind.Dispute
            ? $"Your dispute went to {VendorProfile.Name}. The amount under review is left out of what you owe until it is resolved."
            : $"Your question went to {VendorProfile.Name}.";
        return RedirectToPage(null, null, new { Vendor, Number, opened = conversationId }, $"conversation-{conversationId}");
    }

    public async Task<IActionResult> OnPostNoticeAsync(NoticeForm form)
    {
        if (!await LoadAsync())
        {
            return Missing();
        }

        Notice = form;
        var date = DateOnly.TryParseExact(form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        if (form.Date is { Length: > 0 } && date is null)
        {
            return Reject("notice", [$"The date '{form.Date}' is not a date; pick one in the date field, written as YYYY-MM-DD."]);
        }

        var method = form.Kind == PaymentNoticeKind.Paid && !string.IsNullOrWhiteSpace(form.Method) ? form.Method : null;
        var request = new Notice.Request(Session.CustomerId, Vendor, Number, form.Kind, date, method, form.AuthorName);
        if (PortalValidation.Check(new Notice.Validator(), request) is { Count: > 0 } errors)
        {
            return Reject("notice", errors);
        }

        var result = await PaymentNoticeCommand.SendAsync(Cluster, request, Number, time.GetUtcNow());
        if (!result.Succeeded)
        {
            return Reject("notice", [result.Error ?? "The vendor could not take this notice now; try again."]);
        }

        Message = form.Kind == PaymentNoticeKind.Promised
            ? $"{VendorProfile.Name} now knows you will pay on {Format.FormatDate(date!.Value)}. Your digests leave this invoice out until then."
            : $"{VendorProfile.Name} now knows you paid on {Format.FormatDate(date!.Value)}.";
        return RedirectToPage(null, null, new { Vendor, Number }, "pay-title");
    }

    public async Task<IActionResult> OnPostReplyAsync(string conversationId, string? messageId, string? authorName, string? text)
    {
        if (!await LoadAsync())
        {
            return Missing();
        }

        var request = new Reply.Request(Session.CustomerId, Vendor, conversationId, messageId, authorName, text);
        if (PortalValidation.Check(new Reply.Validator(), request) is { Count: > 0 } errors)
        {
            return Reject(conversationId, errors);
        }

        if (!Conversations.Any(conversation => conversation.ConversationId == conversationId))
        {
            return Missing();
        }

        var reply = new ReplyDraft(messageId ?? $"m{Guid.CreateVersion7():N}", Party.Customer, authorName!.Trim(), text!);
        var result = await Cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(Vendor, conversationId)).ReplyAsync(reply);
        return After(result, conversationId, $"Your reply went to {VendorProfile.Name}.");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string conversationId, string? authorName)
    {
        if (!await LoadAsync())
        {
            return Missing();
        }

        var request = new Withdraw.Request(Session.CustomerId, Vendor, conversationId, authorName, null);
        if (PortalValidation.Check(new Withdraw.Validator(), request) is { Count: > 0 } errors)
        {
            return Reject(conversationId, errors);
        }

        if (!Conversations.Any(conversation => conversation.ConversationId == conversationId))
        {
            return Missing();
        }

        var resolution = new ResolutionDraft(ResolutionOutcome.Withdrawn, Party.Customer, authorName!.Trim());
        var result = await Cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(Vendor, conversationId)).ResolveAsync(resolution);
        return After(result, conversationId, "You withdrew it; the vendor was told.");
    }

    private IActionResult After(ConversationCommandResult result, string conversationId, string message)
    {
        if (result.Status is not (ConversationCommandStatus.Applied or ConversationCommandStatus.Unchanged))
        {
            return Reject(conversationId, [result.Error ?? "The conversation could not take this now; reload the page and try again."]);
        }

        Message = message;
        return RedirectToPage(null, null, new { Vendor, Number, opened = conversationId }, $"conversation-{conversationId}");
    }

    /// <summary>Returns an instant as the customer's local date and time, such as "Monday, March 3, 2025, 14:05 (Europe/Berlin)".</summary>
    public string FormatInstant(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return $"{Format.FormatDate(DateOnly.FromDateTime(local.DateTime))}, {local:HH:mm} ({Zone.Id})";
    }

    /// <summary>Whether the invoice is unknown or billed to another customer; the page then shows only that.</summary>
    public bool IsMissing { get; private set; }

    private PageResult Missing()
    {
        IsMissing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private PageResult Reject(string form, IReadOnlyList<string> errors)
    {
        Rejected = (form, errors);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the invoice, its vendor and its conversations; false when the invoice is not billed to this customer.</summary>
    private async Task<bool> LoadAsync()
    {
        if (!Identifiers.IsVendorId(Vendor) || !Identifiers.IsInvoiceNumber(Number))
        {
            return false;
        }

        var invoice = await Cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(Vendor, Number)).GetAsync();
        var vendor = await Cluster.GetGrainCached<IVendorGrain>(Vendor).GetProfileAsync();
        if (invoice is null || vendor is null || invoice.Customer.Id != Session.CustomerId)
        {
            return false;
        }

        Invoice = invoice;
        VendorProfile = vendor;
        Ask = AskForm.New(Session.Email);
        Notice = new NoticeForm { Kind = PaymentNoticeKind.Promised, AuthorName = Session.Email };
        if (invoice.OwedAmount > 0 && await Cluster.GetGrainCached<IVendorGrain>(Vendor).GetPaymentPageAsync() is { } template)
        {
            PaymentPageUrl = PaymentPageTemplate.Expand(template, invoice.InvoiceNumber, invoice.OwedAmount, invoice.Currency, invoice.AccountNumber);
        }

        var statement = await LoadStatementAsync(time);
        Format = DigestFormatter.For(statement.Language);
        Today = statement.AsOf;
        Zone = statement.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc;

        var ids = (await Cluster.GetGrainCached<IVendorConversationFiguresGrain>(Vendor).ListForInvoiceAsync(Session.CustomerId, Number))
            .Select(item => item.ConversationId).ToList();
        if (Opened is not null && Identifiers.IsConversationId(Opened) && !ids.Contains(Opened, StringComparer.Ordinal))
        {
            ids.Insert(0, Opened);
        }

        var views = await Task.WhenAll(ids.Select(id => Cluster.GetGrainCached<IConversationGrain>(VendorScopedKey.Format(Vendor, id)).GetAsync()));
        Conversations = [.. views.OfType<ConversationView>().Where(view => view.CustomerId == Session.CustomerId && view.Invoices.Any(item => item.InvoiceNumber == Number))];
        return true;
    }
}
