using FastEndpoints;
using TermSync.Customers;
using TermSync.Digests;

namespace TermSync.Api.Features.Digests.RunCycle;

/// <param name="AsOf">Business date of the cycle, YYYY-MM-DD, from 2000-01-01 to tomorrow (UTC); each customer's local today when omitted.</param>
public sealed record Request(DateOnly? AsOf);

public sealed class Endpoint(IClusterClient cluster) : Endpoint<Request, DigestCycleResult>
{
    public override void Configure()
    {
        Post("/digest-cycles");
        Summary(summary =>
        {
            summary.Summary = "Run a digest cycle for every customer";
            summary.Description = "Sends each customer the digest of its schedule period that contains asOf, unless that period already has one, " +
                "so a repeated cycle sends nothing new. A cycle with asOf runs as if asOf were today: it decides what is past due and which day the contact budget counts, " +
                "so replayed history keeps its own budget; asOf may not be later than tomorrow, so no cycle uses up a future period. " +
                "Customers' reminders send the same digests on their own schedules; a cycle is for replayed history and for operators.";
        });
    }

    public override async Task HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, ICustomerDirectoryGrain.ShardCount)
            .Select(shard => cluster.GetGrain<ICustomerDirectoryGrain>(shard).RunDigestsAsync(request.AsOf)));

        await Send.OkAsync(shards.Aggregate(DigestCycleResult.Empty, (sum, shard) => sum.Add(shard)), cancellationToken);
    }
}
