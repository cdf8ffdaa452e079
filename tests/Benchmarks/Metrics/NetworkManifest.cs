using System.Text.Json;

namespace TermSync.Benchmarks.Metrics;

/// <summary>
/// What <c>metrics load</c> wrote into receivables_ledger, and the figures the endpoints must return for it, saved as JSON
/// for <c>metrics measure</c>.
/// </summary>
/// <param name="RowsByKind">Rows of each entry_kind value.</param>
/// <param name="InvoicesByCurrency">Generated invoices of each currency.</param>
/// <param name="GenerationSeconds">Time to generate the rows in memory.</param>
/// <param name="CopySeconds">Time of the binary COPY, index updates included.</param>
/// <param name="VacuumSeconds">Time of VACUUM (ANALYZE) after the COPY.</param>
/// <param name="TableBytes">Size of receivables_ledger with its indexes after the load.</param>
/// <param name="MeasuredVendorId">The vendor whose figures are read: the one with the most invoices.</param>
/// <param name="LiveNetwork">Network aging on any date from <see cref="LastDate"/> on, when nothing more is recorded.</param>
/// <param name="PastQuarterNetwork">Network aging at <see cref="PastQuarterEnd"/>.</param>
/// <param name="LiveVendor">The measured vendor's aging from <see cref="LastDate"/> on.</param>
public sealed record NetworkManifest(
    int Invoices,
    int Seed,
    int Customers,
    DateOnly FirstDate,
    DateOnly LastDate,
    DateOnly PastQuarterEnd,
    IReadOnlyList<GeneratedVendor> Vendors,
    long Rows,
    IReadOnlyDictionary<string, int> RowsByKind,
    IReadOnlyDictionary<string, int> InvoicesByCurrency,
    double GenerationSeconds,
    double CopySeconds,
    double VacuumSeconds,
    long TableBytes,
    string MeasuredVendorId,
    int MeasuredVendorInvoices,
    IReadOnlyList<ExpectedAging> LiveNetwork,
    IReadOnlyList<ExpectedAging> PastQuarterNetwork,
    IReadOnlyList<ExpectedAging> LiveVendor)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, JsonOptions, cancellationToken);
    }

    /// <exception cref="ArgumentException">The file is missing or is not a manifest.</exception>
    public static async Task<NetworkManifest> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"The manifest '{path}' does not exist; run the driver's 'metrics load' command with --manifest {path} first.");
        }

        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<NetworkManifest>(file, JsonOptions, cancellationToken)
            ?? throw new ArgumentException($"The manifest '{path}' is empty; run the driver's 'metrics load' command again.");
    }
}
