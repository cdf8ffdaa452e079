using System.Globalization;
using System.Text.RegularExpressions;
using TermSync.Conversations;

namespace TermSync.Api.Portal.Forms;

/// <summary>The ask-or-dispute form. Each view carries a new conversation id, so a form sent twice opens one conversation.</summary>
public sealed partial class AskForm
{
    public string? ConversationId { get; set; }

    public ConversationKind? Kind { get; set; }

    public DisputeReason? Reason { get; set; }

    /// <summary>The part of the open amount disputed, as typed; empty disputes all of it.</summary>
    public string? DisputedAmount { get; set; }

    public string? AuthorName { get; set; }

    public string? Text { get; set; }

    public static AskForm New(string authorName) => new()
    {
        ConversationId = $"c{Guid.CreateVersion7():N}",
        Kind = ConversationKind.Question,
        AuthorName = authorName,
    };

    /// <summary>
    /// Whether <paramref name="text"/> is digits, one comma and three digits, such as "1,200", which is 1200 with a comma
    /// as the group separator and 1.2 with a comma as the decimal separator.
    /// </summary>
    public static bool IsAmbiguousAmount(string? text) => text is not null && AmbiguousAmount().IsMatch(text.Trim());

    /// <summary>Reads an amount typed with a point or, when it has none, a comma as the decimal separator.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var normalized = trimmed.Contains('.', StringComparison.Ordinal) ? trimmed : trimmed.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of the ids <see cref="New"/> makes, so a form cannot name another conversation.</summary>
    public static bool IsFormConversationId(string? id) => id is not null && FormConversationId().IsMatch(id);

    [GeneratedRegex("^c[0-9a-f]{32}$")]
    private static partial Regex FormConversationId();

    [GeneratedRegex("^[0-9]+,[0-9]{3}$")]
    private static partial Regex AmbiguousAmount();
}
