namespace TermSync.Benchmarks.DigestCycle;

/// <summary>What a cycle of the benchmark must have done; each method returns one line per failed check.</summary>
public static class DigestCycleChecks
{
    /// <summary>
    /// Checks the first cycle of a week: every customer was visited and got exactly one new digest of 3 vendors and
    /// 5 invoices, and the outbox contains one HTML and one plain-text file per customer, all of that week.
    /// </summary>
    public static IEnumerable<string> CheckFirst(CycleMeasurement cycle, OutboxScan outbox, int customers)
    {
        var result = cycle.Result;
        var name = $"Round {cycle.Round}, first cycle as of {cycle.AsOf:yyyy-MM-dd}";
        if (result.Customers != customers)
        {
            yield return $"{name}: visited {result.Customers:N0} customers instead of {customers:N0}.";
        }

        if (result.Sent != customers)
        {
            yield return $"{name}: sent {result.Sent:N0} digests instead of {customers:N0} ({Describe(result)}).";
        }

        if (result.Widest is not { VendorCount: DigestCycleOptions.Vendors, InvoiceCount: DigestCycleOptions.InvoicesPerCustomer })
        {
            yield return $"{name}: the widest digest has {result.Widest?.VendorCount ?? 0} vendors and {result.Widest?.InvoiceCount ?? 0} invoices " +
                $"instead of {DigestCycleOptions.Vendors} and {DigestCycleOptions.InvoicesPerCustomer}.";
        }

        if (outbox.PeriodHtmlFiles != customers || outbox.HtmlFiles != customers || outbox.TextFiles != customers)
        {
            yield return $"{name}: the outbox contains {outbox.PeriodHtmlFiles:N0} HTML files of period {outbox.Period}, {outbox.HtmlFiles:N0} HTML files " +
                $"and {outbox.TextFiles:N0} text files in all, instead of {customers:N0} each.";
        }
    }

    /// <summary>Checks the same cycle run again: every customer was visited, already had the week's digest, and nothing new reached the outbox.</summary>
    public static IEnumerable<string> CheckRepeated(CycleMeasurement cycle, OutboxScan outbox, int customers)
    {
        var result = cycle.Result;
        var name = $"Round {cycle.Round}, repeated cycle as of {cycle.AsOf:yyyy-MM-dd}";
        if (result.Customers != customers || result.AlreadySent != customers || result.Sent != 0)
        {
            yield return $"{name}: expected {customers:N0} customers, all already sent, but got {Describe(result)}.";
        }

        if (outbox.HtmlFiles != customers || outbox.TextFiles != customers)
        {
            yield return $"{name}: the outbox contains {outbox.HtmlFiles:N0} HTML and {outbox.TextFiles:N0} text files instead of {customers:N0} each.";
        }
    }

    private static string Describe(TermSync.Digests.DigestCycleResult result) =>
        $"{result.Customers:N0} customers: {result.Sent:N0} sent, {result.AlreadySent:N0} already sent, {result.NothingActionable:N0} with nothing actionable, " +
        $"{result.BudgetExhausted:N0} over budget, {result.Unsubscribed:N0} unsubscribed, {result.DeliveryFailed:N0} failed deliveries";
}
