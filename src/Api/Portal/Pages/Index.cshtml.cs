using Microsoft.AspNetCore.Mvc;
using TermSync.Api.Portal.Sessions;
using TermSync.Api.Portal.Statements;
using TermSync.Grains.Digests;
using TermSync.Surveys;
using TermSync.Vendors;
using SurveyAnswer = TermSync.Api.Features.Customers.Surveys.Answer;

namespace TermSync.Api.Portal.Pages;

/// <summary>The statement across vendors, with filters, sorting, totals and the pending satisfaction survey.</summary>
public sealed class IndexModel(IClusterClient cluster, PortalSessionCookie cookie, TimeProvider time) : PortalPageModel(cluster, cookie)
{
    [BindProperty(SupportsGet = true)]
    public string? Vendor { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PastDue { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Disputed { get; set; }

    [BindProperty(SupportsGet = true)]
    public StatementSort Sort { get; set; }

    public StatementPage View { get; private set; } = null!;

    public DigestFormatter Format { get; private set; } = null!;

    /// <summary>Payment-page URL templates of the vendors on the page that set one, by vendor id.</summary>
    public IReadOnlyDictionary<string, string> PaymentPages { get; private set; } = new Dictionary<string, string>();

    /// <summary>The survey waiting for an answer, or null.</summary>
    public SurveyOffer? Survey { get; private set; }

    public string? SurveyVendorName { get; private set; }

    /// <summary>The outcome of the last survey answer, shown once after the post.</summary>
    [TempData]
    public string? SurveyMessage { get; set; }

    public async Task OnGetAsync()
    {
        var statement = await LoadStatementAsync(time);
        Format = DigestFormatter.For(statement.Language);
        View = StatementPage.Build(statement, new StatementFilter(Vendor is { Length: > 0 } ? Vendor : null, PastDue, Disputed, Sort));
        var templates = await Task.WhenAll(View.Groups.Select(async group =>
            (group.Vendor.VendorId, Template: await Cluster.GetGrainCached<IVendorGrain>(group.Vendor.VendorId).GetPaymentPageAsync())));
        PaymentPages = templates.Where(pair => pair.Template is not null).ToDictionary(pair => pair.VendorId, pair => pair.Template!, StringComparer.Ordinal);
        Survey = await Cluster.GetGrainCached<ICustomerSurveyGrain>(Session.CustomerId).OfferAsync(time.GetUtcNow());
        if (Survey is not null)
        {
            SurveyVendorName = statement.Vendors.FirstOrDefault(vendor => vendor.VendorId == Survey.VendorId)?.VendorName
                ?? (await Cluster.GetGrainCached<IVendorGrain>(Survey.VendorId).GetProfileAsync())?.Name
                ?? Survey.VendorId;
        }
    }

    public async Task<IActionResult> OnPostSurveyAsync(string? surveyId, int? score, string? comment)
    {
        var request = new SurveyAnswer.Request(Session.CustomerId, surveyId ?? "", score, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        if (PortalValidation.Check(new SurveyAnswer.Validator(), request) is [var error, ..])
        {
            SurveyMessage = error;
            return RedirectToPage();
        }

        var result = await Cluster.GetGrainCached<ICustomerSurveyGrain>(Session.CustomerId).AnswerAsync(request.SurveyId, request.Score!.Value, request.Comment);
        SurveyMessage = result.Succeeded ? "Thank you. Your answer went to the vendor." : result.Error ?? "The survey could not take this answer.";
        return RedirectToPage();
    }
}
