using TermSync.Customers;

namespace TermSync.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class GrainFactoryExtensionsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Cached_reference_equals_factory_reference()
    {
        var customerId = TestData.NewId("c");
        var first = fixture.Grains.GetGrainCached<ICustomerGrain>(customerId);
        var second = fixture.Grains.GetGrainCached<ICustomerGrain>(customerId);
        var expected = fixture.Grains.GetGrain<ICustomerGrain>(customerId);

        Assert.Equal(expected.GetGrainId(), first.GetGrainId());
        Assert.Equal(expected.GetGrainId(), second.GetGrainId());
        Assert.Equal(expected, second);
        Assert.False(await second.ExistsAsync());
    }
}
