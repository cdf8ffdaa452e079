namespace TermSync.Api.Features.Invoices.Amend;

/// <summary>Parses If-Match values: one strong ETag such as "\"3\"", which is an invoice version.</summary>
internal static class IfMatch
{
    public static bool TryParse(string? value, out int version)
    {
        version = 0;
        return value is { Length: > 2 } && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out version) && version > 0;
    }
}
