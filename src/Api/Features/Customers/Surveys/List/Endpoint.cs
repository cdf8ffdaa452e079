using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Surveys;

namespace TermSync.Api.Features.Customers.Surveys.List;

public sealed record Request(string CustomerId);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, CustomerSurveys>
{
    public override void Configure()
    {
        Get("/customers/{customerId}/surveys");
        Summary(summary =>
        {
            summary.Summary = "Read a customer's satisfaction surveys";
            summary.Description = "The survey waiting for an answer (what the portal shows), the earliest instant of the next offer, the vendors " +
                "qualified to survey the customer, and the recent answers, newest first. A customer is offered at most one survey per 90 days across all vendors.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        await Send.OkAsync(await cluster.GetGrainCached<ICustomerSurveyGrain>(request.CustomerId).GetAsync(), cancellationToken);
    }
}
