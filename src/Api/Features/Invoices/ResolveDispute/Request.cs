using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Invoices.ResolveDispute;

/// <summary>The resolution of an invoice's open dispute.</summary>
public sealed record Request(string VendorId, string InvoiceNumber, DateOnly? ResolvedOn) : IInvoiceRoute;
