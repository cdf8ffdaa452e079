using FastEndpoints;
using TermSync.Api.Infrastructure;
using TermSync.Customers;
using TermSync.Surveys;

namespace TermSync.Api.Features.Customers.Surveys.Answer;

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, AnsweredSurvey>
{
    public override void Configure()
    {
        Post("/customers/{customerId}/surveys/{surveyId}/answer");
        Summary(summary =>
        {
            summary.Summary = "Answer a customer's satisfaction survey";
            summary.Description = "Stores the score (1 to 5) and optional comment of an offered survey, for a customer who answers on the portal. " +
                "Sending the same answer again changes nothing and returns 200. A different answer to an answered survey, or an answer more than " +
                "90 days after the offer, gets 409; a survey never offered to the customer gets 404.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        if (!Identifiers.IsCustomerId(request.CustomerId) || !await cluster.GetGrainCached<ICustomerGrain>(request.CustomerId).ExistsAsync())
        {
            await Send.ResultAsync(Problems.CustomerNotFound(request.CustomerId));
            return;
        }

        var result = await cluster.GetGrainCached<ICustomerSurveyGrain>(request.CustomerId).AnswerAsync(request.SurveyId, request.Score!.Value, request.Comment);
        switch (result.Status)
        {
            case SurveyAnswerStatus.Recorded or SurveyAnswerStatus.Unchanged:
                await Send.OkAsync(result.Survey!, cancellationToken);
                break;
            case SurveyAnswerStatus.NotFound:
                await Send.ResultAsync(Problems.NotFound("Survey not found.", result.Error!));
                break;
            case SurveyAnswerStatus.Invalid:
                AddError(result.Field ?? "body", result.Error!);
                await Send.ErrorsAsync(cancellation: cancellationToken);
                break;
            default:
                await Send.ResultAsync(TypedResults.Problem(
                    result.Error,
                    statusCode: StatusCodes.Status409Conflict,
                    title: "The answer conflicts with the survey's state.",
                    type: "https://tools.ietf.org/html/rfc9110#section-15.5.10"));
                break;
        }
    }
}
