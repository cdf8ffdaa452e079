using TermSync.Api.Features.Conversations;

namespace TermSync.Api.Features.Links;

/// <summary>
/// The fields of the thread page's reply and withdrawal forms, kept as text so the page can show them again.
/// <see cref="MessageId"/> is a random GUID per page view, so posting the same reply twice adds it once.
/// </summary>
internal sealed record ReplyForm(string MessageId, string? AuthorName, string? Text)
{
    public static ReplyForm New(string? authorName = null) => new(Guid.NewGuid().ToString("N"), authorName, null);

    public static ReplyForm From(IFormCollection form) =>
        new(form["messageId"].ToString(), form["authorName"].ToString(), form["text"].ToString());

    /// <summary>Returns one message per field at fault, each naming the field and the value; none when the form is complete.</summary>
    public IReadOnlyList<string> Check(bool needsText)
    {
        var problems = new List<string>();
        if (needsText && !Guid.TryParseExact(MessageId, "N", out _))
        {
            problems.Add("The form is incomplete because its hidden message id is missing or not valid; send the form below again.");
        }

        var name = AuthorName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add("Your name: it is missing; enter the name of the person writing.");
        }
        else if (name.Length > ConversationInputRules.MaxNameLength)
        {
            problems.Add($"Your name: {name.Length} characters is longer than the limit of {ConversationInputRules.MaxNameLength}; shorten it.");
        }

        if (needsText && string.IsNullOrWhiteSpace(Text))
        {
            problems.Add("Message: it is empty; write your reply.");
        }
        else if (needsText && Text!.Length > ConversationInputRules.MaxTextLength)
        {
            problems.Add($"Message: {Text.Length} characters is longer than the limit of {ConversationInputRules.MaxTextLength}; shorten it.");
        }

        return problems;
    }
}
