namespace TermSync.Grains.Metrics;

public static partial class ReceivablesCalculator
{
    /// <summary>Maximum number of calendar months the countback walks back.</summary>
    private const int MaxCountbackPeriods = 24;

    /// <summary>
    /// Counts back AR(D) against the credit sales of calendar months, newest first. The first period runs from the 1st
    /// of D's month to D, and each later one is the whole previous month. R is the AR not yet counted back. A period with
    /// sales S and length L adds L days and leaves R − S when R &gt; S, so a month without sales adds L. Otherwise it adds
    /// R / S × L days and ends the walk. AR(D) = 0 gives 0 days and no periods.
    /// </summary>
    private static (decimal Days, int Periods, int SalesInvoiceCount) ComputeCountback(IReceivablesSource source, DateOnly asOf, decimal totalAr)
    {
        if (totalAr == 0m)
        {
            return (0m, 0, 0);
        }

        var remaining = totalAr;
        var days = 0m;
        var periods = 0;
        var periodStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var periodEnd = asOf;
        var walkedFrom = periodStart;

        while (periods < MaxCountbackPeriods)
        {
            var length = periodEnd.DayNumber - periodStart.DayNumber + 1;
            var sales = source.SalesBetween(periodStart, periodEnd);
            walkedFrom = periodStart;
            periods++;

            if (remaining > sales)
            {
                days += length;
                remaining -= sales;
            }
            else
            {
                days += remaining * length / sales;
                break;
            }

            periodEnd = periodStart.AddDays(-1);
            periodStart = periodStart.AddMonths(-1);
        }

        var salesInvoiceCount = source.SalesInvoiceCount(walkedFrom, asOf);
        return (days, periods, salesInvoiceCount);
    }
}
