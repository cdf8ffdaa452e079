using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TermSync.Browser.Tests.Hosting;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;
using TermSync.Importer.Api;
using TermSync.Importer.Generation;
using TermSync.Importer.Replay;

namespace TermSync.Browser.Tests.Portal;

/// <summary>
/// The API and Chromium of the portal tests, loaded with a seeded generated network through the REST API. The first two
/// customers each get a digest, and <see cref="First"/> and <see cref="Second"/> carry the statement link read from it,
/// as a clerk would click it. The network's dates end yesterday, so recent invoices are still open and some are not due yet.
/// </summary>
public sealed partial class PortalFixture : BrowserApiFixture
{
    private const int NetworkDays = 120;

    /// <summary>The first customer of the network, which buys from at least 3 vendors.</summary>
    public PortalCustomer First { get; private set; } = null!;

    /// <summary>The second customer, for tests that need another customer's link or data.</summary>
    public PortalCustomer Second { get; private set; } = null!;

    /// <summary>The generated network, as replayed.</summary>
    public ReplayPlan Network { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();

        // Half the invoices stay unpaid, so the first customer keeps open invoices of 3 vendors, some past due and some not yet due.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Network = NetworkGenerator.Generate(new NetworkOptions
        {
            Seed = 7,
            Vendors = 5,
            Customers = 6,
            MaxVendorsPerCustomer = 4,
            InvoicesPerPair = 4,
            ForeignCurrencyShare = 0.4,
            PaymentShare = 0.5,
            DisputeShare = 0.1,
            StartDate = today.AddDays(-NetworkDays),
            Days = NetworkDays,
        });
        using var admin = CreateClient(AdminKey);
        await new Replayer(new TermSyncClient(admin)).ReplayAsync(Network, cancellationToken: TestContext.Current.CancellationToken);

        First = await SendDigestAsync(admin, "customer-0001");
        Second = await SendDigestAsync(admin, "customer-0002");
        var vendors = (await GetStatementAsync(First.CustomerId)).Vendors.Count;
        if (vendors < 3)
        {
            throw new InvalidOperationException($"The first customer has open invoices of {vendors} vendors; the portal tests need 3. Change the network's seed or shares.");
        }
    }

    /// <summary>Returns the customer's statement as the admin API reports it today.</summary>
    public async Task<ApiStatement> GetStatementAsync(string customerId)
    {
        return ApiStatement.Parse(await GetAsAdminAsync($"/customers/{customerId}/statement"));
    }

    /// <summary>Sends GET <paramref name="path"/> with the admin key and returns the response body.</summary>
    public async Task<JsonElement> GetAsAdminAsync(string path)
    {
        using var admin = CreateClient(AdminKey);
        var response = await admin.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} returned {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Posts <paramref name="body"/> as JSON with the admin key and returns the response body.</summary>
    public async Task<JsonElement> PostAsAdminAsync(string path, object body)
    {
        using var admin = CreateClient(AdminKey);
        var response = await admin.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} returned {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends <paramref name="body"/> as JSON in a PUT with the admin key and returns the response body.</summary>
    public async Task<JsonElement> PutAsAdminAsync(string path, object body)
    {
        using var admin = CreateClient(AdminKey);
        var response = await admin.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} returned {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Returns a statement link for <paramref name="customerId"/> signed with this API's key as of <paramref name="signedAt"/>.</summary>
    public string SignStatementLink(string customerId, DateTimeOffset signedAt)
    {
        var options = Options.Create(new DigestOptions { LinkSigningKey = LinkSigningKey, PublicBaseUrl = BaseAddress.GetLeftPart(UriPartial.Authority) });
        var signer = new DigestLinkSigner(options, new FakeTimeProvider(signedAt));
        return signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Statement, customerId, null, null, signer.NewExpiry()));
    }

    /// <summary>Returns the plain-text emails in the customer's outbox folder whose file names start with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> ReadOutbox(string customerId, string prefix)
    {
        var folder = Path.Combine(OutboxPath, customerId);
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, $"{prefix}*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)]
            : [];
    }

    /// <summary>Returns the first portal link in a plain-text email: a statement link on this server.</summary>
    public static string StatementLinkIn(string email) =>
        StatementLink().Match(email) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"The email contains no statement link:\n{email}");

    /// <summary>
    /// Asks for the customer's digest now, through the reminder route of a vendor that bills it, and reads the statement link
    /// from the digest in the outbox. A digest that a customer's own schedule sent first serves as well.
    /// </summary>
    private async Task<PortalCustomer> SendDigestAsync(HttpClient admin, string accountNumber)
    {
        var issue = Network.Events.OfType<InvoiceIssue>().First(issue => issue.Customer.Id == accountNumber);
        var cancellation = TestContext.Current.CancellationToken;
        var account = await admin.GetFromJsonAsync<JsonElement>($"/vendors/{issue.VendorId}/customers/{accountNumber}", cancellation);
        var customerId = account.GetProperty("customerId").GetString()!;

        var reminder = await PostAsAdminAsync($"/vendors/{issue.VendorId}/customers/{accountNumber}/reminders", new { });
        var status = reminder.GetProperty("status").GetString();
        Assert.True(status is "sent" or "alreadySent", $"The digest of {customerId} was not sent: {reminder}");

        var digest = Directory.GetFiles(Path.Combine(OutboxPath, customerId), "*.txt")
            .Select(File.ReadAllText)
            .Single(text => text.Contains("See all your open invoices:", StringComparison.Ordinal));
        return new PortalCustomer(customerId, accountNumber, issue.Customer.Name, issue.Customer.Email, StatementLinkIn(digest));
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/links/statement\?token=[A-Za-z0-9_.-]+")]
    private static partial Regex StatementLink();
}

/// <summary>A customer of the generated network, with the statement link of its digest.</summary>
/// <param name="CustomerId">The network customer id the API derived from the contact.</param>
/// <param name="AccountNumber">The vendors' account number of the customer.</param>
/// <param name="Email">The address the digest went to, which confirms the link.</param>
public sealed record PortalCustomer(string CustomerId, string AccountNumber, string Name, string Email, string StatementLink);
