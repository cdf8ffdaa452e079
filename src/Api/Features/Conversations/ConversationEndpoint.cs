using FastEndpoints;
using FluentValidation.Results;
using TermSync.Api.Infrastructure;
using TermSync.Conversations;

namespace TermSync.Api.Features.Conversations;

/// <summary>Base of the endpoints that send a conversation command and return the conversation.</summary>
public abstract class ConversationEndpoint<TRequest> : Endpoint<TRequest, ConversationResponse>
    where TRequest : notnull
{
    /// <summary>
    /// Sends the conversation with <paramref name="appliedStatus"/> (200 when nothing changed), 404 when it was never opened,
    /// 409 for a command against its state, and 400 naming the field for a command its invoices or outcome reject.
    /// </summary>
    protected async Task SendResultAsync(ConversationCommandResult result, int appliedStatus, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case ConversationCommandStatus.Applied:
                await Send.ResponseAsync(ConversationResponse.From(result.Conversation!), appliedStatus, cancellationToken);
                return;
            case ConversationCommandStatus.Unchanged:
                await Send.OkAsync(ConversationResponse.From(result.Conversation!), cancellationToken);
                return;
            case ConversationCommandStatus.NotFound:
                await Send.ResultAsync(Problems.NotFound("Conversation not found.", result.Error ?? "The conversation was never opened."));
                return;
            case ConversationCommandStatus.Conflict:
                await Send.ResultAsync(TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict,
                    title: "The request conflicts with the conversation's state.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.10"));
                return;
            default:
                // AddError(string, string) would file the message under generalErrors, so the failure is added with its field.
                ValidationFailures.Add(new ValidationFailure(result.Field ?? "conversation", result.Error ?? "The command was rejected."));
                await Send.ErrorsAsync(cancellation: cancellationToken);
                return;
        }
    }
}
