using System.Globalization;

namespace TermSync.Importer.Replay;

/// <summary>
/// Counts of what a replay sent to the API.
/// </summary>
/// <param name="Vendors">Vendors registered.</param>
/// <param name="Customers">Distinct customers of the invoices sent.</param>
/// <param name="Invoices">Invoices sent.</param>
/// <param name="Payments">Payments sent.</param>
/// <param name="DisputesOpened">Dispute openings sent.</param>
/// <param name="DisputesResolved">Dispute resolutions sent.</param>
/// <param name="LastEventDate">Business date of the last event sent, or null when no event was sent.</param>
/// <param name="Elapsed">Time that the replay took.</param>
public sealed record ReplaySummary(
    int Vendors,
    int Customers,
    int Invoices,
    int Payments,
    int DisputesOpened,
    int DisputesResolved,
    DateOnly? LastEventDate,
    TimeSpan Elapsed)
{
    /// <summary>Formats the summary as one line for the console.</summary>
    public string ToDisplayLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"vendors={Vendors} customers={Customers} invoices={Invoices} payments={Payments} " +
        $"disputes-opened={DisputesOpened} disputes-resolved={DisputesResolved} " +
        $"last-date={LastEventDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"} elapsed={Elapsed.TotalSeconds:F1}s");
}
