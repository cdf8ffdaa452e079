using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TermSync.Api.Idempotency;

namespace TermSync.Api.Tests.Idempotency;

/// <summary>Claims, failures, expiry and scopes of Idempotency-Key, driven through the test-only probe.</summary>
[Collection(IdempotencyCollection.Name)]
public sealed class KeyLifecycleTests(IdempotencyFixture fixture)
{
    private HttpClient Client => fixture.AnonymousClient;

    private IdempotencyProbe Probe => fixture.Probe;

    [Fact]
    public async Task Duplicate_while_running_is_409()
    {
        var probe = NewProbe(waitFirst: true);
        var key = IdempotentRequests.NewKey();

        var firstTask = Client.PostAsync(IdempotencyProbe.Path, probe, key);
        await Probe.WaitUntilStartedAsync(probe.Id);
        var duplicate = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        Probe.Release(probe.Id);
        var first = await firstTask;
        var retry = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        var detail = await HttpAssertions.AssertProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Contains("still in progress", detail);
        Assert.Equal(1, await ReadExecutionAsync(first));
        Assert.True(retry.IsReplayed());
        Assert.Equal(1, await ReadExecutionAsync(retry));
        Assert.Equal(1, Probe.ExecutionsOf(probe.Id));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Transient_failure_is_not_stored(int firstStatus)
    {
        var probe = NewProbe(firstStatus: firstStatus);
        var key = IdempotentRequests.NewKey();

        var failed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        var retry = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        var replayed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        Assert.Equal(firstStatus, (int)failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(retry.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(retry));
        Assert.True(replayed.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(replayed));
    }

    [Fact]
    public async Task Client_error_is_stored()
    {
        var probe = NewProbe(firstStatus: 404);
        var key = IdempotentRequests.NewKey();

        var first = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        var replayed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.True(replayed.IsReplayed());
        Assert.Equal(1, Probe.ExecutionsOf(probe.Id));
    }

    [Fact]
    public async Task Exception_releases_the_claim()
    {
        var probe = NewProbe(throwFirst: true);
        var key = IdempotentRequests.NewKey();

        // The test host either returns 500 or rethrows the handler's exception into the client.
        var failure = await Record.ExceptionAsync(async () =>
        {
            var failed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        });
        var retry = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        Assert.True(failure is null or InvalidOperationException, $"Unexpected failure: {failure}");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.False(retry.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(retry));
    }

    [Fact]
    public async Task Expired_key_runs_again()
    {
        var probe = NewProbe();
        var key = IdempotentRequests.NewKey();
        var first = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        await AgeAsync(key, TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var afterExpiry = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        var replayed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        await AgeAsync(key, TimeSpan.FromHours(25));
        var otherBody = await Client.PostAsync(IdempotencyProbe.Path, probe with { Note = "changed" }, key);

        Assert.Equal(1, await ReadExecutionAsync(first));
        Assert.False(afterExpiry.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(afterExpiry));
        Assert.True(replayed.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(replayed));
        Assert.Equal(HttpStatusCode.OK, otherBody.StatusCode);
        Assert.Equal(3, await ReadExecutionAsync(otherBody));
    }

    [Fact]
    public async Task Key_within_retention_is_replayed()
    {
        var probe = NewProbe();
        var key = IdempotentRequests.NewKey();
        await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        await AgeAsync(key, TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var replayed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        Assert.True(replayed.IsReplayed());
        Assert.Equal(1, Probe.ExecutionsOf(probe.Id));
    }

    [Fact]
    public async Task Abandoned_claim_is_taken_over()
    {
        var probe = NewProbe(waitFirst: true);
        var key = IdempotentRequests.NewKey();
        var firstTask = Client.PostAsync(IdempotencyProbe.Path, probe, key);
        await Probe.WaitUntilStartedAsync(probe.Id);

        // Looks like a request whose process stopped more than the 5-minute lock timeout ago.
        await AgeAsync(key, TimeSpan.FromMinutes(6));
        var takeover = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        Probe.Release(probe.Id);
        var first = await firstTask;
        var replayed = await Client.PostAsync(IdempotencyProbe.Path, probe, key);

        Assert.Equal(2, await ReadExecutionAsync(takeover));
        Assert.Equal(1, await ReadExecutionAsync(first));
        Assert.True(replayed.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(replayed));
    }

    [Fact]
    public async Task Abandoned_claim_with_other_body_is_422()
    {
        var probe = NewProbe(waitFirst: true);
        var key = IdempotentRequests.NewKey();
        var firstTask = Client.PostAsync(IdempotencyProbe.Path, probe, key);
        await Probe.WaitUntilStartedAsync(probe.Id);

        await AgeAsync(key, TimeSpan.FromMinutes(6));
        var otherBody = await Client.PostAsync(IdempotencyProbe.Path, probe with { Note = "changed" }, key);
        Probe.Release(probe.Id);
        await firstTask;

        await HttpAssertions.AssertProblemAsync(otherBody, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, Probe.ExecutionsOf(probe.Id));
    }

    [Fact]
    public async Task Callers_with_same_key_do_not_collide()
    {
        var probe = NewProbe();
        var key = IdempotentRequests.NewKey();
        var firstCaller = ApiRequests.NewId("vendor");
        var secondCaller = ApiRequests.NewId("vendor");

        var first = await Client.PostAsync(IdempotencyProbe.Path, probe, key, firstCaller);
        var second = await Client.PostAsync(IdempotencyProbe.Path, probe, key, secondCaller);
        var anonymous = await Client.PostAsync(IdempotencyProbe.Path, probe, key);
        var firstAgain = await Client.PostAsync(IdempotencyProbe.Path, probe, key, firstCaller);
        var secondAgain = await Client.PostAsync(IdempotencyProbe.Path, probe, key, secondCaller);

        Assert.Equal(1, await ReadExecutionAsync(first));
        Assert.False(second.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(second));
        Assert.False(anonymous.IsReplayed());
        Assert.Equal(3, await ReadExecutionAsync(anonymous));
        Assert.True(firstAgain.IsReplayed());
        Assert.Equal(1, await ReadExecutionAsync(firstAgain));
        Assert.True(secondAgain.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(secondAgain));
        Assert.Equal(new[] { "anonymous", firstCaller, secondCaller }.Order(StringComparer.Ordinal), (await ReadScopesAsync(key)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Request_without_key_runs_every_time()
    {
        var probe = NewProbe();

        await Client.PostAsync(IdempotencyProbe.Path, probe, key: null);
        var second = await Client.PostAsync(IdempotencyProbe.Path, probe, key: null);

        Assert.False(second.IsReplayed());
        Assert.Equal(2, await ReadExecutionAsync(second));
    }

    [Fact]
    public async Task Cleanup_deletes_only_expired_keys()
    {
        var expiredKey = IdempotentRequests.NewKey();
        var liveKey = IdempotentRequests.NewKey();
        await Client.PostAsync(IdempotencyProbe.Path, NewProbe(), expiredKey);
        await Client.PostAsync(IdempotencyProbe.Path, NewProbe(), liveKey);
        await AgeAsync(expiredKey, TimeSpan.FromHours(25));

        var deleted = await fixture.Factory.Services.GetRequiredService<IdempotencyStore>().DeleteExpiredAsync(TestContext.Current.CancellationToken);

        Assert.True(deleted >= 1, $"Deleted {deleted} rows");
        Assert.Empty(await ReadScopesAsync(expiredKey));
        Assert.Equal(["anonymous"], await ReadScopesAsync(liveKey));
    }

    private static IdempotencyProbe.Request NewProbe(int? firstStatus = null, bool throwFirst = false, bool waitFirst = false) =>
        new(ApiRequests.NewId("probe"), FirstStatus: firstStatus, ThrowFirst: throwFirst, WaitFirst: waitFirst);

    private static async Task<int> ReadExecutionAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.ReadBodyAsync());
        return document.RootElement.GetProperty("execution").GetInt32();
    }

    private async Task AgeAsync(string key, TimeSpan age)
    {
        await using var command = fixture.DataSource.CreateCommand(
            "UPDATE idempotency_request SET created_at = created_at - @age WHERE idempotency_key = @key");
        command.Parameters.AddWithValue("age", age);
        command.Parameters.AddWithValue("key", key);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    private async Task<List<string>> ReadScopesAsync(string key)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT scope FROM idempotency_request WHERE idempotency_key = @key");
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var scopes = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            scopes.Add(reader.GetString(0));
        }

        return scopes;
    }
}
