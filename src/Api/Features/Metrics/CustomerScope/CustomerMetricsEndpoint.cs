using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;

namespace TermSync.Api.Features.Metrics.CustomerScope;

/// <summary>Base of the endpoints that read the figures of the customer their route names, over all of its vendors.</summary>
public abstract class CustomerMetricsEndpoint<TRequest, TResponse>(IClusterClient cluster) : Endpoint<TRequest, TResponse>
    where TRequest : notnull
{
    /// <summary>
    /// Returns true when a vendor has billed the customer. Otherwise it sends 404, as the other routes of a customer
    /// do, and returns false.
    /// </summary>
    protected async Task<bool> FindCustomerAsync(string customerId)
    {
        if (Identifiers.IsCustomerId(customerId) && await cluster.GetGrainCached<ICustomerGrain>(customerId).ExistsAsync())
        {
            return true;
        }

        await Send.ResultAsync(Problems.CustomerNotFound(customerId));
        return false;
    }
}
