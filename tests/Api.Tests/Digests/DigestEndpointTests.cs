using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TermSync.Api.Tests.Digests;

/// <summary>Digest preferences, reminders requested by vendors, and the digest history each vendor may read.</summary>
[Collection(ApiCollection.Name)]
public sealed class DigestEndpointTests(ApiFixture fixture)
{
    [Fact]
    public async Task Preferences_round_trip()
    {
        var customerId = await CustomerAsync();

        var set = await fixture.Client.PutAsJsonAsync(
            $"/customers/{customerId}/digest-preferences",
            new { frequency = "twiceWeekly", weekday = "tuesday", secondWeekday = "friday", localTime = "06:30", timeZone = "America/New_York", dueSoonDays = 0 },
            TestContext.Current.CancellationToken);
        var read = await (await fixture.Client.GetAsync($"/customers/{customerId}/digest-preferences", TestContext.Current.CancellationToken)).ReadJsonAsync();

        await set.ReadJsonAsync();
        var preferences = read.GetProperty("preferences");
        Assert.Equal("twiceWeekly", preferences.GetProperty("frequency").GetString());
        Assert.Equal("tuesday", preferences.GetProperty("weekday").GetString());
        Assert.Equal("friday", preferences.GetProperty("secondWeekday").GetString());
        Assert.Equal("06:30:00", preferences.GetProperty("localTime").GetString());
        Assert.Equal(JsonValueKind.Null, preferences.GetProperty("dueSoonDays").ValueKind);
        Assert.Equal("America/New_York", read.GetProperty("timeZone").GetString());
        var next = read.GetProperty("nextDueAt").GetDateTimeOffset();
        Assert.Contains(next.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Friday });
        Assert.Equal(new TimeSpan(6, 30, 0), TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).TimeOfDay);
    }

    [Theory]
    [InlineData("localTime", "25:00")]
    [InlineData("timeZone", "Mars/Olympus")]
    [InlineData("dayOfMonth", 29)]
    [InlineData("dueSoonDays", 31)]
    public async Task Invalid_preference_names_field(string field, object value)
    {
        var customerId = await CustomerAsync();
        var body = new Dictionary<string, object> { [field] = value };

        var fields = await HttpAssertions.AssertValidationProblemAsync(
            await fixture.Client.PutAsJsonAsync($"/customers/{customerId}/digest-preferences", body, TestContext.Current.CancellationToken));

        Assert.Equal([field], fields);
    }

    [Theory]
    [InlineData("frequency", 7)]
    [InlineData("weekday", 9)]
    [InlineData("frequency", "daily")]
    public async Task Unknown_enum_value_is_rejected(string field, object value)
    {
        var customerId = await CustomerAsync();

        var response = await fixture.Client.PutAsJsonAsync($"/customers/{customerId}/digest-preferences", new Dictionary<string, object> { [field] = value }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Read_preferences_can_be_written_back()
    {
        var customerId = await CustomerAsync();
        var read = await (await fixture.Client.GetAsync($"/customers/{customerId}/digest-preferences", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var written = await fixture.Client.PutAsJsonAsync($"/customers/{customerId}/digest-preferences", read.GetProperty("preferences"), TestContext.Current.CancellationToken);

        Assert.Equal("08:00:00", (await written.ReadJsonAsync()).GetProperty("preferences").GetProperty("localTime").GetString());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2999-01-01")]
    public async Task Cycle_date_out_of_range_is_rejected(string asOf)
    {
        var fields = await HttpAssertions.AssertValidationProblemAsync(await fixture.Client.PostJsonAsync("/digest-cycles", new { asOf }));

        Assert.Equal(["asOf"], fields);
    }

    [Fact]
    public async Task Same_day_twice_weekly_is_rejected()
    {
        var customerId = await CustomerAsync();

        var fields = await HttpAssertions.AssertValidationProblemAsync(await fixture.Client.PutAsJsonAsync(
            $"/customers/{customerId}/digest-preferences", new { frequency = "twiceWeekly", weekday = "monday", secondWeekday = "monday" }, TestContext.Current.CancellationToken));

        Assert.Equal(["secondWeekday"], fields);
    }

    [Fact]
    public async Task Vendor_reminder_sends_once_per_period()
    {
        using var north = await fixture.CreateVendorClientAsync("North");
        var account = ApiRequests.NewId("acct");
        await (await north.Client.PostJsonAsync($"/vendors/{north.VendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("R-1", account, 75m)))).ReadJsonAsync();

        var first = await (await north.Client.PostAsync($"/vendors/{north.VendorId}/customers/{account}/reminders", null, TestContext.Current.CancellationToken)).ReadJsonAsync();
        var again = await (await north.Client.PostAsync($"/vendors/{north.VendorId}/customers/{account}/reminders", null, TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal("sent", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("digest").GetProperty("requestedByYou").GetBoolean());
        Assert.Equal("alreadySent", again.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("digest").GetProperty("digestId").GetString(), again.GetProperty("digest").GetProperty("digestId").GetString());
    }

    [Fact]
    public async Task Vendor_history_shows_own_lines_only()
    {
        using var north = await fixture.CreateVendorClientAsync("North");
        using var south = await fixture.CreateVendorClientAsync("South");
        var taxId = $"DE{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var account = ApiRequests.NewId("acct");
        var customerId = await PushWithTaxIdAsync(north, "N-1", account, taxId, 100m);
        Assert.Equal(customerId, await PushWithTaxIdAsync(south, "S-1", account, taxId, 200m));
        await (await fixture.Client.PostJsonAsync("/digest-cycles", new { asOf = "2013-03-04" })).ReadJsonAsync();

        var northView = await (await north.Client.GetAsync($"/vendors/{north.VendorId}/customers/{account}/digests", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var full = await (await fixture.Client.GetAsync($"/customers/{customerId}/digests", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var digest = Assert.Single(northView.GetProperty("digests").EnumerateArray());
        var line = Assert.Single(digest.GetProperty("lines").EnumerateArray());
        Assert.Equal(("N-1", 100m), (line.GetProperty("invoiceNumber").GetString(), line.GetProperty("openAmount").GetDecimal()));
        Assert.Equal("delivered", digest.GetProperty("delivery").GetString());
        Assert.DoesNotContain(south.VendorId, northView.ToString());
        Assert.Equal(2, full.GetProperty("digests")[0].GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Vendor_policy_round_trips()
    {
        var id = ApiRequests.NewId("v");

        var created = await (await fixture.Client.PostJsonAsync("/vendors", new { id, name = "Late Only", contactEmail = "ar@late.example", remindBeforeDue = false }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.False(created.GetProperty("remindBeforeDue").GetBoolean());
    }

    private async Task<string> CustomerAsync()
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client);
        var pushed = await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/batch", ApiRequests.Batch(ApiRequests.Invoice("P-1", ApiRequests.NewId("acct"), 10m)))).ReadJsonAsync();
        return ApiRequests.CustomerOf(pushed);
    }

    private static async Task<string> PushWithTaxIdAsync(VendorClient vendor, string number, string account, string taxId, decimal amount)
    {
        var invoice = new
        {
            invoiceNumber = number,
            customer = new { accountNumber = account, name = "Shared Customer", taxId },
            currency = "USD",
            amount,
            issueDate = "2013-01-02",
            dueDate = "2013-02-01",
        };
        var pushed = await (await vendor.Client.PostJsonAsync($"/vendors/{vendor.VendorId}/invoices/batch", ApiRequests.Batch(invoice))).ReadJsonAsync();
        return ApiRequests.CustomerOf(pushed);
    }
}
