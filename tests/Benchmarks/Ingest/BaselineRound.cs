namespace TermSync.Benchmarks.Ingest;

/// <summary>What one round of a baseline stored and how long it took.</summary>
/// <param name="Name">"warm-up 1" or "round 1" and so on, as in the TermSync rounds.</param>
/// <param name="Elapsed">Wall-clock time from the first write to the last acknowledged one.</param>
public sealed record BaselineRound(string Name, bool Measured, int Invoices, TimeSpan Elapsed)
{
    /// <summary>Stored invoices per second of wall-clock time.</summary>
    public double InvoicesPerSecond => Invoices / Elapsed.TotalSeconds;
}

/// <summary>The rounds of both baselines and the rows each left in PostgreSQL.</summary>
/// <param name="CopyRows">Rows in the COPY table after the last round.</param>
/// <param name="NaiveRows">Rows of the naive grain in orleans_grain_state after the last round.</param>
/// <param name="NaiveConcurrency">Grain calls the naive baseline keeps in flight.</param>
/// <param name="NaivePoolSize">Maximum Pool Size of the naive silo's connection string.</param>
public sealed record BaselineResult(
    IReadOnlyList<BaselineRound> Copy, IReadOnlyList<BaselineRound> Naive, long CopyRows, long NaiveRows, int NaiveConcurrency, int NaivePoolSize)
{
    /// <summary>Invoices that the COPY rounds stored, warm-up included.</summary>
    public long CopyInvoices => Copy.Sum(round => (long)round.Invoices);

    /// <summary>Invoices that the naive rounds stored, warm-up included.</summary>
    public long NaiveInvoices => Naive.Sum(round => (long)round.Invoices);
}

/// <summary>Mean, sample standard deviation, minimum and maximum of per-round throughputs, in invoices per second.</summary>
public sealed record Spread(int Count, double Mean, double Deviation, double Min, double Max)
{
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Spread Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A spread needs at least one value.", nameof(values));
        }

        var mean = values.Average();
        var deviation = values.Count > 1 ? Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1)) : 0;
        return new Spread(values.Count, mean, deviation, values.Min(), values.Max());
    }
}
