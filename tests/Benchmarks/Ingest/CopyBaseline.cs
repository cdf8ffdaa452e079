using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// The floor set by the database: each batch of a round written by one binary COPY into a plain table, through the
/// same number of concurrent connections as the API has batches in flight. COPY commits each batch, so a finished
/// COPY is a stored one, as an acknowledged batch is for the API.
/// </summary>
public sealed class CopyBaseline(NpgsqlDataSource dataSource, int senders)
{
    /// <summary>The table that receives the copied invoices. No TermSync code reads or writes it.</summary>
    public const string TableName = "ingest_copy_baseline";

    // The primary key keeps each invoice number once per vendor, as the unique key of orleans_grain_state does for
    // TermSync's invoice grains, so both ways store each invoice under the same constraint.
    private const string CreateSql = $"""
        DROP TABLE IF EXISTS {TableName};
        CREATE TABLE {TableName} (
            vendor_id text NOT NULL,
            invoice_number text NOT NULL,
            customer_account_number text NOT NULL,
            customer_name text NOT NULL,
            customer_email text NOT NULL,
            currency char(3) NOT NULL,
            amount numeric(19, 4) NOT NULL,
            issue_date date NOT NULL,
            due_date date NOT NULL,
            PRIMARY KEY (vendor_id, invoice_number));
        """;

    private const string CopySql = $"""
        COPY {TableName} (vendor_id, invoice_number, customer_account_number, customer_name, customer_email, currency, amount, issue_date, due_date)
        FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Drops and creates the table.</summary>
    public async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CreateSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Copies every batch once, as many batches at a time as the constructor was given senders.</summary>
    public async Task<BaselineRound> RunAsync(string name, bool measured, IReadOnlyList<InvoiceBatch> batches, CancellationToken cancellationToken)
    {
        var next = -1;

        async Task CopyAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                await CopyBatchAsync(batches[index], cancellationToken);
            }
        }

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => CopyAsync()));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new BaselineRound(name, measured, batches.Sum(batch => batch.Invoices.Count), elapsed);
    }

    /// <summary>Returns the rows in the table.</summary>
    public async Task<long> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {TableName}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task CopyBatchAsync(InvoiceBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var invoice in batch.Invoices)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(batch.VendorId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(invoice.InvoiceNumber, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(invoice.Customer.AccountNumber, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(invoice.Customer.Name, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(invoice.Customer.Email, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(invoice.Currency, NpgsqlDbType.Char, cancellationToken);
            await writer.WriteAsync(invoice.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(invoice.IssueDate, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(invoice.DueDate, NpgsqlDbType.Date, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
