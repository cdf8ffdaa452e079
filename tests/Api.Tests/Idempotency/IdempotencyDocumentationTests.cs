using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TermSync.Api.Idempotency;

namespace TermSync.Api.Tests.Idempotency;

[Collection(IdempotencyCollection.Name)]
public sealed class IdempotencyDocumentationTests(IdempotencyFixture fixture)
{
    [Fact]
    public async Task OpenApi_states_header_and_window()
    {
        var document = await (await fixture.Client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).ReadJsonAsync();

        var registerVendor = document.GetProperty("paths").GetProperty("/vendors").GetProperty("post");
        var header = registerVendor.GetProperty("parameters").EnumerateArray()
            .Single(parameter => parameter.GetProperty("name").GetString() == "Idempotency-Key");
        var readVendor = document.GetProperty("paths").GetProperty("/vendors/{vendorId}").GetProperty("get");
        Assert.Contains("24 hours", document.GetProperty("info").GetProperty("description").GetString());
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.Contains("24 hours", header.GetProperty("description").GetString());
        Assert.True(registerVendor.GetProperty("responses").TryGetProperty("422", out _));
        Assert.DoesNotContain(
            readVendor.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [],
            parameter => parameter.GetProperty("name").GetString() == "Idempotency-Key");
    }

    [Theory]
    [InlineData("Retention", "23:59:59")]
    [InlineData("LockTimeout", "00:00:00")]
    [InlineData("CleanupInterval", "-00:01:00")]
    public void Invalid_setting_is_rejected(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Idempotency:{setting}"] = value })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddTermSyncIdempotency()
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IdempotencyOptions>>().Value);

        Assert.Contains($"Idempotency:{setting}", exception.Message);
        Assert.Contains(value, exception.Message);
    }
}
