using System.Globalization;
using FastEndpoints;
using TermSync.Ingest.Csv;
using TermSync.Money;
using TermSync.Payments;

namespace TermSync.Api.Features.Ingest.PaymentCsv;

public sealed class Endpoint(IClusterClient cluster, ILogger<Endpoint> logger) : Endpoint<UploadRequest, Response>
{
    private const string FileKind = "payment";

    public override void Configure()
    {
        Post("/vendors/{vendorId}/payments/csv");
        Description(builder => builder.AcceptsCsv());
        Summary(summary =>
        {
            summary.Summary = "Upload payments as CSV";
            summary.Description = "A UTF-8 CSV file whose header row names the columns paymentReference, customerAccount, currency, amount, receivedOn and " +
                "optionally invoiceNumber. The rows that share a paymentReference are one payment, recorded like POST /vendors/{vendorId}/payments with one " +
                "allocation per row, and get one result that lists their rows. A payment with an invalid row is rejected whole; the others are recorded. " +
                $"An invalid header is 400; more than {CsvUpload.MaxRows} data rows or a body over {UploadBody.MaxBytes / (1024 * 1024)} MiB is 413.";
        });
    }

    public override async Task HandleAsync(UploadRequest request, CancellationToken cancellationToken)
    {
        var (read, problem) = await CsvUpload.ReadAsync(
            HttpContext.Request, cluster, logger, request.VendorId, FileKind, CsvDocumentReader.ReadPayments, row => row.RowNumber, cancellationToken);
        if (read is null)
        {
            await Send.ResultAsync(problem!);
            return;
        }

        // Payments of one account may pay the same invoices, so they run in file order; other accounts run in parallel.
        var payments = read.Rows.GroupBy(row => row.PaymentReference, StringComparer.Ordinal).Select(group => group.ToList()).ToList();
        var recorded = new RemittanceResult[payments.Count];
        await KeyedSequence.RunAsync(
            Enumerable.Range(0, payments.Count),
            index => payments[index][0].CustomerAccount,
            async index => recorded[index] = await RecordAsync(request.VendorId, payments[index]),
            cancellationToken);

        var results = recorded
            .Concat(CsvUpload.ErrorsByRow(read).Select(errors => new RemittanceResult(null, [errors.Key], "rejected", null, [.. errors])))
            .OrderBy(result => result.RowNumbers[0])
            .ToList();
        var rejected = results.Count(result => result.Outcome == "rejected");
        IngestLog.CsvProcessed(logger, request.VendorId, FileKind, results.Count - rejected, rejected);
        await Send.OkAsync(
            new Response(results, results.Count(result => result.Outcome == "created"), results.Count(result => result.Outcome == "unchanged"), rejected),
            cancellationToken);
    }

    private async Task<RemittanceResult> RecordAsync(string vendorId, List<PaymentRow> rows)
    {
        var first = rows[0];
        var rowNumbers = rows.Select(row => row.RowNumber).ToList();
        var amount = rows.Sum(row => row.Amount);
        if (amount > Currencies.MaxAmount)
        {
            return Rejected(first, rowNumbers, "amount", amount.ToString(CultureInfo.InvariantCulture),
                $"The rows of payment '{first.PaymentReference}' add up to {amount.ToString(CultureInfo.InvariantCulture)}, above the maximum of {Currencies.MaxAmount:0} for one payment; check the amounts' unit and decimal point.");
        }

        var allocations = rows
            .Where(row => row.InvoiceNumber is not null)
            .Select(row => new PaymentAllocation(row.InvoiceNumber!, row.Amount))
            .ToList();
        var remittance = new Remittance(first.CustomerAccount, first.Currency, amount, first.ReceivedOn, allocations);
        var result = await cluster.GetGrainCached<IPaymentGrain>(VendorScopedKey.Format(vendorId, first.PaymentReference)).RecordAsync(remittance);

        return result.Status switch
        {
            PaymentCommandStatus.Applied => new RemittanceResult(first.PaymentReference, rowNumbers, "created", result.Payment, null),
            PaymentCommandStatus.Unchanged => new RemittanceResult(first.PaymentReference, rowNumbers, "unchanged", result.Payment, null),
            _ => Rejected(first, rowNumbers, null, null, result.Error ?? "The payment conflicts with the state of its invoices."),
        };
    }

    private static RemittanceResult Rejected(PaymentRow first, List<int> rowNumbers, string? column, string? value, string reason) =>
        new(first.PaymentReference, rowNumbers, "rejected", null, [new CsvRowError(first.RowNumber, column, value, reason)]);
}
