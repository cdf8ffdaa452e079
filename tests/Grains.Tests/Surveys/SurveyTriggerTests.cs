using TermSync.Surveys;

namespace TermSync.Grains.Tests.Surveys;

/// <summary>Which invoice changes make the vendor eligible to survey the customer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SurveyTriggerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Only_full_payment_qualifies()
    {
        var vendorId = await TestData.RegisterVendorAsync(fixture.Grains, "North");
        var customerId = TestData.NewId("c");
        var paidDate = new DateOnly(2013, 2, 10);
        foreach (var number in new[] { "PAID", "PART", "CREDITED", "WRITTEN-OFF", "VOID", "MIXED" })
        {
            await fixture.Grains.Invoice(vendorId, number).IssueAsync(TestData.Draft(customerId, 100m));
        }

        await fixture.Grains.Invoice(vendorId, "PAID").ApplyPaymentAsync("p-1", 100m, paidDate);
        await fixture.Grains.Invoice(vendorId, "PAID").ApplyPaymentAsync("p-1", 100m, paidDate);
        await fixture.Grains.Invoice(vendorId, "PART").ApplyPaymentAsync("p-2", 60m, paidDate);
        await fixture.Grains.Invoice(vendorId, "CREDITED").ApplyCreditAsync("cn-1", 100m, paidDate);
        await fixture.Grains.Invoice(vendorId, "WRITTEN-OFF").ApplyPaymentAsync("p-3", 10m, paidDate);
        await fixture.Grains.Invoice(vendorId, "WRITTEN-OFF").WriteOffAsync(paidDate);
        await fixture.Grains.Invoice(vendorId, "VOID").VoidAsync(paidDate);
        await fixture.Grains.Invoice(vendorId, "MIXED").ApplyCreditAsync("cn-2", 30m, paidDate);
        await fixture.Grains.Invoice(vendorId, "MIXED").ApplyPaymentAsync("p-4", 70m, paidDate);

        var qualified = (await fixture.Grains.GetGrain<ICustomerSurveyGrain>(customerId).GetAsync()).Qualified;
        Assert.Equal(["PAID", "MIXED"], qualified.Select(qualification => qualification.Reference));
        Assert.All(qualified, qualification => Assert.Equal((vendorId, SurveyTrigger.InvoicePaid), (qualification.VendorId, qualification.Trigger)));
    }
}
