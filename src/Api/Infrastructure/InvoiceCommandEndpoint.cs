using FastEndpoints;
using TermSync.Invoices;

namespace TermSync.Api.Infrastructure;

/// <summary>Base of the endpoints that run one command on one invoice grain and return the invoice.</summary>
public abstract class InvoiceCommandEndpoint<TRequest>(IClusterClient cluster) : Endpoint<TRequest, InvoiceResponse>
    where TRequest : IInvoiceRoute
{
    public sealed override async Task HandleAsync(TRequest request, CancellationToken cancellationToken)
    {
        var invoiceNumber = InvoiceRoute.Decode(request.InvoiceNumber);
        var invoice = cluster.GetGrainCached<IInvoiceGrain>(InvoiceKey.Format(request.VendorId, invoiceNumber));
        var result = await ExecuteAsync(invoice, request);
        await Send.ResultAsync(result.ToHttp(HttpContext, request.VendorId, invoiceNumber));
    }

    /// <summary>Runs the endpoint's command on the invoice grain.</summary>
    protected abstract Task<InvoiceCommandResult> ExecuteAsync(IInvoiceGrain invoice, TRequest request);
}

/// <summary>Route values shared by every invoice endpoint.</summary>
public interface IInvoiceRoute
{
    string VendorId { get; }

    string InvoiceNumber { get; }
}
