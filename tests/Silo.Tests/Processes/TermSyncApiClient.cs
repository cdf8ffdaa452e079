using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TermSync.Silo.Tests.Processes;

/// <summary>The REST calls the process tests make, over HTTP to an API process.</summary>
internal sealed class TermSyncApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Registers a vendor and throws unless the API returns 2xx.</summary>
    public async Task RegisterVendorAsync(string vendorId, string name, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "/vendors",
            new { id = vendorId, name, contactEmail = $"ar@{vendorId}.example" },
            Json,
            cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>
    /// Pushes a batch of invoices of one vendor. Throws <see cref="HttpRequestException"/> when no response
    /// arrives or the status is not 2xx.
    /// </summary>
    public async Task<BatchResponse> PushAsync(string vendorId, IReadOnlyList<PushedInvoice> invoices, CancellationToken cancellationToken)
    {
        var body = new { invoices = invoices.Select(invoice => invoice.ToRequest()) };
        using var response = await http.PostAsJsonAsync($"/vendors/{vendorId}/invoices/batch", body, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<BatchResponse>(Json, cancellationToken))!;
    }

    /// <summary>Reads an invoice. Returns null on 404 and throws on any other status outside 2xx.</summary>
    public async Task<InvoiceDocument?> GetInvoiceAsync(string vendorId, string invoiceNumber, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/vendors/{vendorId}/invoices/{Uri.EscapeDataString(invoiceNumber)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<InvoiceDocument>(Json, cancellationToken);
    }

    /// <summary>Reads a customer's statement and throws unless the API returns 2xx.</summary>
    public async Task<StatementDocument> GetStatementAsync(string customerId, DateOnly asOf, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/customers/{customerId}/statement?asOf={asOf:yyyy-MM-dd}", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<StatementDocument>(Json, cancellationToken))!;
    }

    /// <summary>Runs a digest cycle for <paramref name="asOf"/> and throws unless the API returns 2xx.</summary>
    public async Task<DigestCycleDocument> RunDigestCycleAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/digest-cycles", new { asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<DigestCycleDocument>(Json, cancellationToken))!;
    }

    /// <summary>Reads the digest history of a customer and throws unless the API returns 2xx.</summary>
    public async Task<DigestHistoryDocument> GetDigestsAsync(string customerId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/customers/{customerId}/digests", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<DigestHistoryDocument>(Json, cancellationToken))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} returned {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }
    }
}

/// <summary>
/// An invoice as a test pushes it, in USD, issued 2013-01-02 and due 2013-02-01. The vendor's account number of the
/// customer is <paramref name="CustomerKey"/>, and so is the local part of its email, which links the accounts of all
/// vendors that use one key to one network customer.
/// </summary>
internal sealed record PushedInvoice(string VendorId, string InvoiceNumber, string CustomerKey, decimal Amount)
{
    public object ToRequest() => new
    {
        invoiceNumber = InvoiceNumber,
        customer = new { accountNumber = CustomerKey, name = $"Customer {CustomerKey}", email = $"{CustomerKey}@customers.example" },
        currency = "USD",
        amount = Amount,
        issueDate = "2013-01-02",
        dueDate = "2013-02-01",
    };
}

internal sealed record BatchResponse(IReadOnlyList<BatchResult> Results, int Created, int Updated, int Unchanged, int Rejected);

/// <param name="Outcome">"created", "updated", "unchanged" or "rejected".</param>
/// <param name="CustomerId">The network customer id the server linked the account to.</param>
internal sealed record BatchResult(int Index, string? InvoiceNumber, string Outcome, int? Version, string? CustomerId, IReadOnlyList<ItemErrorDocument>? Errors);

internal sealed record ItemErrorDocument(string Field, string? Value, string Reason);

/// <param name="CustomerId">The network customer the account is linked to.</param>
internal sealed record InvoiceDocument(string VendorId, string InvoiceNumber, string AccountNumber, string CustomerId, string Currency, decimal Amount, decimal OpenAmount);

internal sealed record StatementDocument(string CustomerId, IReadOnlyList<VendorStatementDocument> Vendors, IReadOnlyList<CurrencyTotalDocument> Totals);

internal sealed record VendorStatementDocument(string VendorId, IReadOnlyList<StatementLineDocument> Invoices, IReadOnlyList<CurrencyTotalDocument> Totals);

internal sealed record StatementLineDocument(string InvoiceNumber, string Currency, decimal OpenAmount);

internal sealed record CurrencyTotalDocument(string Currency, int OpenCount, decimal OpenAmount);

/// <summary>The counts of a digest cycle response.</summary>
internal sealed record DigestCycleDocument(int Customers, int Sent, int AlreadySent, int NothingActionable, int BudgetExhausted, int Unsubscribed, int DeliveryFailed);

/// <summary>A customer's digest history as the API returns it.</summary>
internal sealed record DigestHistoryDocument(string CustomerId, IReadOnlyList<DigestDocument> Digests);

/// <summary>One digest of a history.</summary>
internal sealed record DigestDocument(string DigestId, string Key, string Delivery, int Attempts, string? Location);
