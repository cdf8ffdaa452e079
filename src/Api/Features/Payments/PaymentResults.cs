using TermSync.Api.Infrastructure;
using TermSync.Payments;

namespace TermSync.Api.Features.Payments;

/// <summary>Maps failed payment commands to problem details.</summary>
public static class PaymentResults
{
    public static IResult Problem(PaymentResult result) => result.Status switch
    {
        PaymentCommandStatus.NotFound => Problems.NotFound("Not found.", result.Error ?? "The payment or one of its invoices does not exist."),
        _ => Problems.Conflict(result.Error ?? "The payment conflicts with the state of its invoices."),
    };
}
