using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TermSync.Api.Tests.Vendors;

[Collection(ApiCollection.Name)]
public sealed class ResponseSettingsEndpointTests(ApiFixture fixture)
{
    private static readonly object Monday = new { day = "monday", opens = "09:00", closes = "17:00" };

    public static TheoryData<string, string, object> InvalidSettings => new()
    {
        { "businessHours", "missing", new { firstResponseSlaHours = 8 } },
        { "businessHours[0].day", "funday", new { businessHours = new[] { new { day = "funday", opens = "09:00", closes = "17:00" } } } },
        { "businessHours[1]", "monday", new { businessHours = new[] { Monday, Monday } } },
        { "businessHours[0].closes", "08:00", new { businessHours = new[] { new { day = "monday", opens = "09:00", closes = "08:00" } } } },
        { "businessHours[0].closes", "09:00", new { businessHours = new[] { new { day = "monday", opens = "09:00", closes = "09:00" } } } },
        { "businessHours[0].opens", "9am", new { businessHours = new[] { new { day = "monday", opens = "9am", closes = "17:00" } } } },
        { "businessHours[0].closes", "25:00", new { businessHours = new[] { new { day = "monday", opens = "09:00", closes = "25:00" } } } },
        { "holidays[0]", "2026-02-30", new { businessHours = new[] { Monday }, holidays = new[] { "2026-02-30" } } },
        { "firstResponseSlaHours", "8", new { businessHours = Array.Empty<object>(), firstResponseSlaHours = 8 } },
        { "firstResponseSlaHours", "0", new { businessHours = new[] { Monday }, firstResponseSlaHours = 0 } },
        { "firstResponseSlaHours", "-2", new { businessHours = new[] { Monday }, firstResponseSlaHours = -2 } },
        { "firstResponseSlaHours", "1.00001", new { businessHours = new[] { Monday }, firstResponseSlaHours = 1.00001m } },
        { "firstResponseSlaHours", "2001", new { businessHours = new[] { Monday }, firstResponseSlaHours = 2001 } },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_settings_name_field_and_value(string field, string value, object body)
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var response = await PutAsync(vendor, body);
        var problem = await ReadProblemAsync(response);
        var stored = await (await GetAsync(vendor)).ReadJsonAsync();

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("name").GetString());
        Assert.Contains(value, error.GetProperty("reason").GetString());
        Assert.Contains("send", error.GetProperty("reason").GetString());
        Assert.Equal(5, stored.GetProperty("businessHours").GetArrayLength());
    }

    [Fact]
    public async Task Never_set_returns_default()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var settings = await (await GetAsync(vendor)).ReadJsonAsync();

        var hours = settings.GetProperty("businessHours").EnumerateArray().ToList();
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], hours.Select(entry => entry.GetProperty("day").GetString()));
        Assert.All(hours, entry => Assert.Equal("09:00", entry.GetProperty("opens").GetString()));
        Assert.All(hours, entry => Assert.Equal("17:00", entry.GetProperty("closes").GetString()));
        Assert.Equal(0, settings.GetProperty("holidays").GetArrayLength());
        Assert.Equal(8m, settings.GetProperty("firstResponseSlaHours").GetDecimal());
    }

    [Fact]
    public async Task Put_then_get_round_trips()
    {
        using var vendor = await fixture.CreateVendorClientAsync();
        var body = new
        {
            businessHours = new[]
            {
                new { day = "saturday", opens = "10:00", closes = "14:00" },
                new { day = "monday", opens = "08:30", closes = "16:45" },
            },
            holidays = new[] { "2026-12-25", "2026-01-01" },
            firstResponseSlaHours = 1.5m,
        };

        var put = await (await PutAsync(vendor, body)).ReadJsonAsync();
        var get = await (await GetAsync(vendor)).ReadJsonAsync();

        Assert.Equal(put.GetRawText(), get.GetRawText());
        var hours = get.GetProperty("businessHours");
        Assert.Equal("monday", hours[0].GetProperty("day").GetString());
        Assert.Equal("08:30", hours[0].GetProperty("opens").GetString());
        Assert.Equal("16:45", hours[0].GetProperty("closes").GetString());
        Assert.Equal("saturday", hours[1].GetProperty("day").GetString());
        Assert.Equal(["2026-01-01", "2026-12-25"], get.GetProperty("holidays").EnumerateArray().Select(date => date.GetString()));
        Assert.Equal(1.5m, get.GetProperty("firstResponseSlaHours").GetDecimal());
    }

    [Fact]
    public async Task Null_service_level_is_stored()
    {
        using var vendor = await fixture.CreateVendorClientAsync();

        var settings = await (await PutAsync(vendor, new { businessHours = Array.Empty<object>(), firstResponseSlaHours = (decimal?)null })).ReadJsonAsync();

        Assert.Equal(0, settings.GetProperty("businessHours").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("firstResponseSlaHours").ValueKind);
    }

    [Fact]
    public async Task Unknown_vendor_is_not_found()
    {
        var vendorId = ApiRequests.NewId("v");

        var response = await fixture.Client.PutAsJsonAsync($"/vendors/{vendorId}/response-settings", new { businessHours = new[] { Monday } }, TestContext.Current.CancellationToken);

        var detail = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(vendorId, detail);
    }

    private static Task<HttpResponseMessage> PutAsync(VendorClient vendor, object body) =>
        vendor.Client.PutAsJsonAsync($"/vendors/{vendor.VendorId}/response-settings", body, TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> GetAsync(VendorClient vendor) =>
        vendor.Client.GetAsync($"/vendors/{vendor.VendorId}/response-settings", TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync(HttpStatusCode.BadRequest);
    }
}
