using Npgsql;
using TermSync.Grains.Ledger;
using TermSync.Grains.Metrics;
using TermSync.Metrics;

namespace TermSync.Silo.Ledger;

/// <summary>
/// Loads invoice histories from the receivables ledger as of a date, for the receivables calculator. Only invoices that
/// can change a figure at that date are loaded: those open at the start of the horizon, those issued since, and those
/// with any entry dated from the horizon to the as-of date.
/// </summary>
public sealed class ReceivablesLedgerReader(NpgsqlDataSource dataSource)
{
    // The invoice CTE decides per invoice whether it matters at @as_of. An invoice issued before @horizon, closed by
    // then and with no entry from @horizon to @as_of has open amount zero and no sale on every date the calculator
    // reads, so it is left out. Issue and amendment rows are loaded whatever their business date, because an
    // amendment corrects the sale instead of adding one on its own date. For a range of as-of dates, @as_of is the last
    // of them and @horizon the horizon of the first. That horizon is the earliest of the range, because the horizon
    // moves forward with the as-of date, so every invoice that matters at some date of the range is loaded. A void
    // invoice has all of its rows loaded, because a payment or reversal dated after @as_of may move its void past
    // @as_of. An invoice without an issued amount is left out: its "issued" entry is missing because that append
    // failed, and the invoice's next command appends it again.
    //
    // With @customer_id, an invoice belongs to the customer of its newest row, for every as-of date, and wanted keeps
    // only those. Every such invoice has at least one row naming the customer, so customer_invoice lists a superset of
    // them, which keeps the two aggregating CTEs from reading the invoices of other customers. No index leads with
    // customer_id, so customer_invoice reads every row of the vendor, or every row of the table when @vendor_id is null.
    private const string SelectSql = """
        WITH customer_invoice AS (
            SELECT DISTINCT vendor_id, invoice_number
            FROM receivables_ledger
            WHERE customer_id = @customer_id AND (@vendor_id::text IS NULL OR vendor_id = @vendor_id)
        ),
        invoice AS (
            SELECT vendor_id, invoice_number,
                   coalesce(sum(amount) FILTER (WHERE entry_kind IN ('issued', 'amount-adjusted')), 0) AS issued_amount,
                   coalesce(sum(CASE
                       WHEN entry_kind IN ('issued', 'amount-adjusted') THEN amount
                       WHEN business_date >= @horizon THEN 0
                       WHEN entry_kind IN ('payment', 'credit') THEN -amount
                       WHEN entry_kind = 'payment-reversal' THEN amount
                       ELSE 0 END), 0) AS open_before_horizon,
                   bool_or(entry_kind IN ('write-off', 'void') AND business_date < @horizon) AS closed_before_horizon,
                   bool_or(entry_kind NOT IN ('issued', 'amount-adjusted') AND business_date BETWEEN @horizon AND @as_of) AS changed_since_horizon,
                   bool_or(entry_kind = 'void') AS has_void
            FROM receivables_ledger
            WHERE (@vendor_id::text IS NULL OR vendor_id = @vendor_id)
              AND (@customer_id::text IS NULL OR (vendor_id, invoice_number) IN (SELECT vendor_id, invoice_number FROM customer_invoice))
            GROUP BY vendor_id, invoice_number
        ),
        header AS (
            SELECT DISTINCT ON (vendor_id, invoice_number)
                   vendor_id, invoice_number, customer_id, currency, issue_date, due_date
            FROM receivables_ledger
            WHERE (@vendor_id::text IS NULL OR vendor_id = @vendor_id)
              AND (@customer_id::text IS NULL OR (vendor_id, invoice_number) IN (SELECT vendor_id, invoice_number FROM customer_invoice))
            ORDER BY vendor_id, invoice_number, entry_id DESC
        ),
        wanted AS (
            SELECT header.*, invoice.has_void
            FROM header JOIN invoice USING (vendor_id, invoice_number)
            WHERE header.issue_date <= @as_of
              AND (@customer_id::text IS NULL OR header.customer_id = @customer_id)
              AND invoice.issued_amount > 0
              AND (header.issue_date >= @horizon
                   OR invoice.changed_since_horizon
                   OR (invoice.open_before_horizon > 0 AND NOT invoice.closed_before_horizon))
        )
        SELECT wanted.vendor_id, wanted.invoice_number, wanted.customer_id, wanted.currency, wanted.issue_date, wanted.due_date,
               entry.entry_kind, entry.entry_key, entry.business_date, entry.amount
        FROM wanted
        JOIN receivables_ledger entry USING (vendor_id, invoice_number)
        WHERE entry.business_date <= @as_of OR entry.entry_kind IN ('issued', 'amount-adjusted') OR wanted.has_void
        ORDER BY wanted.vendor_id, wanted.invoice_number, entry.entry_id
        """;

    /// <summary>Loads the histories of one vendor's invoices that matter at <paramref name="asOf"/> over a window of <paramref name="windowDays"/>.</summary>
    public Task<IReadOnlyList<InvoiceHistory>> LoadVendorAsync(string vendorId, DateOnly asOf, int windowDays, CancellationToken cancellationToken) =>
        LoadVendorAsync(vendorId, customerId: null, asOf, windowDays, cancellationToken);

    /// <summary>
    /// Loads the histories of one vendor's invoices that matter at <paramref name="asOf"/> over a window of
    /// <paramref name="windowDays"/>, only those billed to <paramref name="customerId"/> when it is not null.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceHistory>> LoadVendorAsync(string vendorId, string? customerId, DateOnly asOf, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);
        var histories = await LoadAsync(vendorId, customerId, asOf, asOf, windowDays, cancellationToken);
        return histories.AsOf(asOf);
    }

    /// <summary>
    /// Loads, in one query, the ledger rows of one vendor's invoices that matter at any as-of date from
    /// <paramref name="firstAsOf"/> to <paramref name="lastAsOf"/> over a window of <paramref name="windowDays"/>.
    /// </summary>
    public Task<LedgerHistories> LoadVendorRangeAsync(string vendorId, DateOnly firstAsOf, DateOnly lastAsOf, int windowDays, CancellationToken cancellationToken) =>
        LoadVendorRangeAsync(vendorId, customerId: null, firstAsOf, lastAsOf, windowDays, cancellationToken);

    /// <summary>
    /// Loads, in one query, the ledger rows of one vendor's invoices that matter at any as-of date from
    /// <paramref name="firstAsOf"/> to <paramref name="lastAsOf"/> over a window of <paramref name="windowDays"/>, only
    /// those billed to <paramref name="customerId"/> when it is not null.
    /// </summary>
    public Task<LedgerHistories> LoadVendorRangeAsync(
        string vendorId, string? customerId, DateOnly firstAsOf, DateOnly lastAsOf, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstAsOf, lastAsOf);
        return LoadAsync(vendorId, customerId, firstAsOf, lastAsOf, windowDays, cancellationToken);
    }

    /// <summary>Loads the histories of every vendor's invoices that matter at <paramref name="asOf"/> over a window of <paramref name="windowDays"/>.</summary>
    /// <remarks>NOTE: this query reads the whole table to decide which invoices matter, so its cost grows with the network's ledger.</remarks>
    public Task<IReadOnlyList<InvoiceHistory>> LoadNetworkAsync(DateOnly asOf, int windowDays, CancellationToken cancellationToken) =>
        LoadNetworkAsync(customerId: null, asOf, windowDays, cancellationToken);

    /// <summary>
    /// Loads the histories of every vendor's invoices that matter at <paramref name="asOf"/> over a window of
    /// <paramref name="windowDays"/>, only those billed to <paramref name="customerId"/> when it is not null.
    /// </summary>
    /// <remarks>NOTE: this query reads the whole table, also with a customer, because no index leads with the customer id.</remarks>
    public async Task<IReadOnlyList<InvoiceHistory>> LoadNetworkAsync(string? customerId, DateOnly asOf, int windowDays, CancellationToken cancellationToken)
    {
        var histories = await LoadAsync(null, customerId, asOf, asOf, windowDays, cancellationToken);
        return histories.AsOf(asOf);
    }

    /// <summary>
    /// Loads, in one query, the ledger rows of every vendor's invoices that matter at any as-of date from
    /// <paramref name="firstAsOf"/> to <paramref name="lastAsOf"/> over a window of <paramref name="windowDays"/>.
    /// </summary>
    /// <remarks>NOTE: like <see cref="LoadNetworkAsync(DateOnly, int, CancellationToken)"/>, this reads the whole table, and it keeps the rows of the range in memory.</remarks>
    public Task<LedgerHistories> LoadNetworkRangeAsync(DateOnly firstAsOf, DateOnly lastAsOf, int windowDays, CancellationToken cancellationToken) =>
        LoadNetworkRangeAsync(customerId: null, firstAsOf, lastAsOf, windowDays, cancellationToken);

    /// <summary>
    /// Loads, in one query, the ledger rows of every vendor's invoices that matter at any as-of date from
    /// <paramref name="firstAsOf"/> to <paramref name="lastAsOf"/> over a window of <paramref name="windowDays"/>, only
    /// those billed to <paramref name="customerId"/> when it is not null.
    /// </summary>
    /// <remarks>NOTE: like <see cref="LoadNetworkAsync(string, DateOnly, int, CancellationToken)"/>, this reads the whole table.</remarks>
    public Task<LedgerHistories> LoadNetworkRangeAsync(string? customerId, DateOnly firstAsOf, DateOnly lastAsOf, int windowDays, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstAsOf, lastAsOf);
        return LoadAsync(null, customerId, firstAsOf, lastAsOf, windowDays, cancellationToken);
    }

    /// <summary>
    /// Loads the histories, after all of their entries, of one vendor's invoices that matter at some date from
    /// <paramref name="horizon"/> on: those issued since, open at its start, or with an entry dated since.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceHistory>> LoadVendorSinceAsync(string vendorId, DateOnly horizon, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendorId);
        var histories = await LoadAsync(vendorId, customerId: null, horizon, DateOnly.MaxValue, DateOnly.MaxValue, cancellationToken);
        return histories.AsOf(DateOnly.MaxValue);
    }

    private Task<LedgerHistories> LoadAsync(
        string? vendorId, string? customerId, DateOnly firstAsOf, DateOnly lastAsOf, int windowDays, CancellationToken cancellationToken) =>
        LoadAsync(vendorId, customerId, ReceivablesHorizon.Of(firstAsOf, windowDays), firstAsOf, lastAsOf, cancellationToken);

    private async Task<LedgerHistories> LoadAsync(
        string? vendorId, string? customerId, DateOnly horizon, DateOnly firstAsOf, DateOnly lastAsOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter<string?>("vendor_id", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = vendorId });
        command.Parameters.Add(new NpgsqlParameter<string?>("customer_id", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("as_of", lastAsOf));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("horizon", horizon));

        var invoices = new List<LedgerHistories.InvoiceRows>();
        var current = (LedgerHistories.InvoiceRows?)null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var vendor = reader.GetString(0);
            var invoiceNumber = reader.GetString(1);
            if (current is null || current.VendorId != vendor || current.InvoiceNumber != invoiceNumber)
            {
                current = new LedgerHistories.InvoiceRows(
                    vendor,
                    invoiceNumber,
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<DateOnly>(4),
                    reader.GetFieldValue<DateOnly>(5),
                    []);
                invoices.Add(current);
            }

            current.Rows.Add(new LedgerHistories.Row(
                LedgerEntryKinds.FromColumn(reader.GetString(6)),
                reader.GetString(7),
                reader.GetFieldValue<DateOnly>(8),
                reader.GetDecimal(9)));
        }

        return new LedgerHistories(firstAsOf, lastAsOf, invoices);
    }
}
