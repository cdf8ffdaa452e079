using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TermSync.Api.Tests.Idempotency;

[Collection(IdempotencyCollection.Name)]
public sealed class HeaderValidationTests(IdempotencyFixture fixture)
{
    private HttpClient Client => fixture.Client;

    public static TheoryData<string, string> InvalidKeys => new()
    {
        { " ", "empty" },
        { new string('k', 256), "256 characters long" },
        { "key-\u00e9", "U+00E9 at position 5" },
        { "key\u0007bell", "U+0007 at position 4" },
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task Invalid_key_is_400_and_writes_nothing(string key, string expectedReason)
    {
        var vendorId = ApiRequests.NewId("v");

        var response = await Client.PostAsync("/vendors", ApiRequests.Vendor(vendorId), key);
        var read = await Client.GetAsync($"/vendors/{vendorId}", TestContext.Current.CancellationToken);

        Assert.Equal(["Idempotency-Key"], await HttpAssertions.AssertValidationProblemAsync(response));
        Assert.Contains(expectedReason, await ReadReasonAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Two_key_headers_are_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/vendors") { Content = JsonContent.Create(ApiRequests.Vendor(ApiRequests.NewId("v"))) };
        request.Headers.Add(IdempotentRequests.KeyHeader, ["first", "second"]);

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(["Idempotency-Key"], await HttpAssertions.AssertValidationProblemAsync(response));
        Assert.Contains("2 Idempotency-Key headers", await ReadReasonAsync(response));
    }

    [Fact]
    public async Task Longest_key_is_accepted()
    {
        var key = new string('k', 255);
        var vendor = ApiRequests.Vendor(ApiRequests.NewId("v"));

        var created = await Client.PostAsync("/vendors", vendor, key, caller: ApiRequests.NewId("caller"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Get_ignores_the_header()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/vendors/{vendorId}");
        request.Headers.TryAddWithoutValidation(IdempotentRequests.KeyHeader, "");

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> ReadReasonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.ReadBodyAsync());
        return document.RootElement.GetProperty("errors")[0].GetProperty("reason").GetString()!;
    }
}
