using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace TermSync.Api.Tests.Idempotency;

/// <summary>
/// A test-only POST handler that counts its executions per probe id and, on its first execution of
/// an id, can fail or wait until the test releases it. Its response body carries the execution
/// number, so a replay shows which execution it stored.
/// </summary>
public sealed class IdempotencyProbe
{
    public const string Path = "/idempotency-probe";

    private readonly ConcurrentDictionary<string, int> executions = new();
    private readonly ConcurrentDictionary<string, Gate> gates = new();

    /// <summary>A probe request body.</summary>
    /// <param name="Status">The status of every execution after the first, and of the first unless <paramref name="FirstStatus"/> is set.</param>
    /// <param name="ThrowFirst">The first execution throws instead of responding.</param>
    /// <param name="WaitFirst">The first execution waits until <see cref="Release"/> is called.</param>
    public sealed record Request(string Id, int Status = 200, int? FirstStatus = null, bool ThrowFirst = false, bool WaitFirst = false, string? Note = null);

    /// <summary>The number of times the probe ran for <paramref name="id"/>.</summary>
    public int ExecutionsOf(string id) => executions.GetValueOrDefault(id);

    /// <summary>Waits until the first execution of <paramref name="id"/> is waiting to be released.</summary>
    public Task WaitUntilStartedAsync(string id) => GateOf(id).Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>Lets the first execution of <paramref name="id"/> respond.</summary>
    public void Release(string id) => GateOf(id).Released.TrySetResult();

    internal async Task HandleAsync(HttpContext context)
    {
        var request = await context.Request.ReadFromJsonAsync<Request>(context.RequestAborted)
            ?? throw new InvalidOperationException("The probe request has no body.");
        var execution = executions.AddOrUpdate(request.Id, 1, (_, count) => count + 1);
        var first = execution == 1;

        if (first && request.WaitFirst)
        {
            var gate = GateOf(request.Id);
            gate.Started.TrySetResult();
            await gate.Released.Task;
        }

        if (first && request.ThrowFirst)
        {
            throw new InvalidOperationException($"Probe {request.Id} failed on purpose.");
        }

        context.Response.StatusCode = first && request.FirstStatus is { } firstStatus ? firstStatus : request.Status;
        await context.Response.WriteAsJsonAsync(new { id = request.Id, execution }, context.RequestAborted);
    }

    private Gate GateOf(string id) => gates.GetOrAdd(id, _ => new Gate());

    private sealed class Gate
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
