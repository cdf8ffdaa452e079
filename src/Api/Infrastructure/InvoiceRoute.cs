namespace TermSync.Api.Infrastructure;

/// <summary>Reads invoice numbers from route segments.</summary>
public static class InvoiceRoute
{
    /// <summary>
    /// Returns the invoice number of a route segment. ASP.NET Core decodes every escape in a path segment
    /// except %2F, which it keeps so that routes do not split. This method turns it into the '/' the client escaped.
    /// </summary>
    /// <remarks>NOTE: a number that contains the literal text "%2F" cannot be addressed in a route.</remarks>
    public static string Decode(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
