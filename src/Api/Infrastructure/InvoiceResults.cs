using TermSync.Invoices;

namespace TermSync.Api.Infrastructure;

/// <summary>Maps invoice command results to HTTP results.</summary>
public static class InvoiceResults
{
    /// <summary>Returns 200 with the invoice and its ETag, or the problem details of a failed command.</summary>
    public static IResult ToHttp(this InvoiceCommandResult result, HttpContext context, string vendorId, string invoiceNumber)
    {
        switch (result.Status)
        {
            case InvoiceCommandStatus.Applied or InvoiceCommandStatus.Unchanged:
                context.Response.Headers.ETag = ETag(result.Invoice!.Version);
                return TypedResults.Ok(InvoiceResponse.From(result.Invoice));
            case InvoiceCommandStatus.NotFound:
                return Problems.InvoiceNotFound(vendorId, invoiceNumber);
            case InvoiceCommandStatus.PreconditionFailed:
                context.Response.Headers.ETag = ETag(result.Invoice!.Version);
                return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status412PreconditionFailed, title: "The invoice changed since it was read.");
            case InvoiceCommandStatus.Invalid:
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [result.Field ?? "invoice"] = [result.Error ?? "The command's input is invalid."] });
            default:
                return Problems.Conflict(result.Error ?? "The command conflicts with the invoice's state.");
        }
    }

    /// <summary>Formats an invoice version as a strong ETag, for example "\"3\"".</summary>
    public static string ETag(int version) => $"\"{version}\"";
}
