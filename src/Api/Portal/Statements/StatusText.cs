using TermSync.Customers;
using TermSync.Grains.Digests;

namespace TermSync.Api.Portal.Statements;

/// <summary>The status the portal shows for one open invoice.</summary>
public static class StatusText
{
    public static string Of(StatementLine line, DateOnly asOf, DigestFormatter format) => line switch
    {
        { Disputed: true, OwedAmount: <= 0 } => "Under review",
        { Disputed: true } => $"{format.FormatAmount(line.DisputedAmount, line.Currency)} under review; {DigestFormatter.DueStatus(line.DueDate, asOf)}",
        _ => DigestFormatter.DueStatus(line.DueDate, asOf),
    };
}
