using Microsoft.Extensions.DependencyInjection;
using TermSync.Surveys;

namespace TermSync.Api.Tests.Surveys;

/// <summary>A customer with one survey offered about a vendor whose invoice it paid in full through the API.</summary>
internal sealed record OfferedSurvey(string VendorId, string CustomerId, SurveyOffer Offer, ICustomerSurveyGrain Surveys)
{
    public static async Task<OfferedSurvey> CreateAsync(ApiFixture fixture, string vendorName = "North")
    {
        var vendorId = await ApiRequests.CreateVendorAsync(fixture.Client, vendorName);
        var pushed = await (await fixture.Client.PostJsonAsync(
            $"/vendors/{vendorId}/invoices/batch",
            ApiRequests.Batch(ApiRequests.Invoice("S-1", ApiRequests.NewId("acc"), 40m)))).ReadJsonAsync();
        var customerId = ApiRequests.CustomerOf(pushed);
        await (await fixture.Client.PostJsonAsync($"/vendors/{vendorId}/invoices/S-1/payments", new { paymentReference = "p-1", amount = 40m, paidOn = "2013-02-10" })).ReadJsonAsync();

        // The payment qualified the vendor, and a digest about to be sent requests the offer the same way.
        var surveys = fixture.Factory.Services.GetRequiredService<IClusterClient>().GetGrain<ICustomerSurveyGrain>(customerId);
        var offer = await surveys.OfferAsync(DateTimeOffset.UtcNow);
        Assert.NotNull(offer);
        Assert.Equal((vendorId, "S-1"), (offer.VendorId, offer.Reference));
        return new OfferedSurvey(vendorId, customerId, offer, surveys);
    }
}
