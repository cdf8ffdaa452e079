using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TermSync.Api.Features.Links;
using TermSync.Api.Portal.Sessions;
using TermSync.Customers;
using TermSync.Portal;

namespace TermSync.Api.Portal;

/// <summary>
/// Base of the portal pages that show a customer's account. Every request needs a valid session cookie of a clerk who is
/// still a member. Any other request is redirected to the signed-out page, which shows nothing of any account.
/// </summary>
public abstract class PortalPageModel(IClusterClient cluster, PortalSessionCookie cookie) : PageModel
{
    protected IClusterClient Cluster => cluster;

    /// <summary>The signed-in clerk's session; set before any handler runs.</summary>
    protected PortalSession Session { get; private set; } = null!;

    protected ICustomerGrain Customer => cluster.GetGrainCached<ICustomerGrain>(Session.CustomerId);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (cookie.Read(HttpContext) is not { } session
            || !await cluster.GetGrainCached<ICustomerPortalGrain>(session.CustomerId).IsSessionValidAsync(session.Email, session.Stamp))
        {
            PortalSessionCookie.End(HttpContext);
            context.Result = RedirectToPage("/SignedOut");
            return;
        }

        Session = session;
        await next();
    }

    /// <summary>Returns the statement for today in the customer's time zone, and names the customer in the page header.</summary>
    protected async Task<CustomerStatement> LoadStatementAsync(TimeProvider time)
    {
        var statement = await Customer.GetStatementAsync(LinkDates.Today(time, null));
        var today = LinkDates.Today(time, statement.TimeZone);
        if (today != statement.AsOf)
        {
            statement = await Customer.GetStatementAsync(today);
        }

        ViewData["CustomerName"] = statement.Name ?? statement.CustomerId;
        return statement;
    }
}
