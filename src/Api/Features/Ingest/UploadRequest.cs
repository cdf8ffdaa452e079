using FastEndpoints;
using TermSync.Api.Infrastructure;

namespace TermSync.Api.Features.Ingest;

/// <summary>The route of a file upload; the endpoint reads the body itself, as CSV or XML.</summary>
public sealed record UploadRequest(string VendorId);

public sealed class UploadRequestValidator : Validator<UploadRequest>
{
    public UploadRequestValidator()
    {
        RuleFor(request => request.VendorId).MustBeVendorId();
    }
}
