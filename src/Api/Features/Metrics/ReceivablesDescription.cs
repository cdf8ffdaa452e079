namespace TermSync.Api.Features.Metrics;

/// <summary>The part of the receivables endpoints' descriptions that both share.</summary>
internal static class ReceivablesDescription
{
    public const string Common =
        "Without asOf, today's figures are read from running totals that the cluster keeps up to date with every invoice change, " +
        "so reading them costs the same whatever the number of invoices (source \"live\"; network totals trail the last change by up to a second). " +
        "With asOf, or when the running totals cannot give them (a window over 366 days, or an entry dated after today), figures are computed " +
        "with SQL over the append-only receivables ledger (source \"ledger\"), for any past date asOf and the window of windowDays dates ending " +
        "with it (90 by default, 1 to 3650). Both give the same figures for the same date. Each invoice change is stored in the ledger with the " +
        "date it takes effect on, so a payment posted today but dated last month changes last month's figures the next time they are read. " +
        "Figures come per currency, never converted, each with its currency, asOf, window and the count of invoices behind it. " +
        "Aging buckets open amounts at the end of asOf by days past due (current, 1-30, 31-60, 61-90, 91+) and they add up to total AR. " +
        "DSO is AR / credit sales in the window × windowDays, BPDSO uses current AR instead, and ADD is their difference; " +
        "all three are null when the window has no credit sales. Countback DSO walks calendar months back from asOf, at most 24. " +
        "CEI is given for asOf's month and for the three months ending with it. Payment behaviour covers invoices settled in the window, " +
        "the dispute rate covers invoices issued in the window, and write-offs sum the remainders written off in it.";
}
