using FastEndpoints;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.RunCycle;

/// <param name="AsOf">Business date of the cycle, YYYY-MM-DD; today (UTC) when omitted.</param>
public sealed record Request(DateOnly? AsOf);

public sealed class Endpoint(IClusterClient cluster, TimeProvider time) : Endpoint<Request, DigestCycleResult>
{
    public override void Configure()
    {
        Post("/digest-cycles");
        Summary(summary =>
        {
            summary.Summary = "Run a digest cycle for every customer";
            summary.Description = "Sends each customer the digest of the ISO week that contains asOf, unless that week already has one, so a repeated cycle sends nothing new. " +
                "Customers' reminders run the same step on their weekly schedule.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var shards = await Task.WhenAll(Enumerable.Range(0, ICustomerDirectoryGrain.ShardCount)
            .Select(shard => cluster.GetGrain<ICustomerDirectoryGrain>(shard).RunDigestsAsync(asOf)));

        await Send.OkAsync(shards.Aggregate(DigestCycleResult.Empty, (sum, shard) => sum.Add(shard)), cancellationToken);
    }
}
