using TermSync.Grains;
using TermSync.Importer.Api;

namespace TermSync.Benchmarks.Ingest;

/// <summary>
/// An invoice stored the naive Orleans way: one grain per invoice, keyed "{vendorId}/{invoiceNumber}", that writes
/// its state once per call. It keeps no aggregate, so storing a new invoice costs one activation, which reads the
/// grain's state, and one grain state write.
/// </summary>
public interface INaiveInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Replaces the stored invoice with <paramref name="invoice"/> and returns after the write is in the storage.</summary>
    Task StoreAsync(NaiveInvoice invoice);
}

/// <summary>The fields of one invoice of a batch request, as the naive grain stores them.</summary>
[GenerateSerializer, Alias("termsync.bench.NaiveInvoice")]
public sealed record NaiveInvoice(
    [property: Id(0)] string InvoiceNumber,
    [property: Id(1)] string CustomerAccountNumber,
    [property: Id(2)] string CustomerName,
    [property: Id(3)] string CustomerEmail,
    [property: Id(4)] string Currency,
    [property: Id(5)] decimal Amount,
    [property: Id(6)] DateOnly IssueDate,
    [property: Id(7)] DateOnly DueDate)
{
    public static NaiveInvoice From(InvoiceRequest request) => new(
        request.InvoiceNumber,
        request.Customer.AccountNumber,
        request.Customer.Name,
        request.Customer.Email,
        request.Currency,
        request.Amount,
        request.IssueDate,
        request.DueDate);
}

/// <summary>State of <see cref="NaiveInvoiceGrain"/>: the invoice, or null before the first write.</summary>
[GenerateSerializer, Alias("termsync.bench.NaiveInvoiceState")]
public sealed class NaiveInvoiceState
{
    [Id(0)]
    public NaiveInvoice? Invoice { get; set; }
}

public sealed class NaiveInvoiceGrain(
    [PersistentState(NaiveInvoiceGrain.StateName, StorageNames.Default)] IPersistentState<NaiveInvoiceState> state) : Grain, INaiveInvoiceGrain
{
    /// <summary>State name, which the ADO.NET storage writes to orleans_grain_state.grain_type_string.</summary>
    public const string StateName = "naiveinvoice";

    public async Task StoreAsync(NaiveInvoice invoice)
    {
        state.State.Invoice = invoice;
        await state.WriteStateAsync();
    }
}
