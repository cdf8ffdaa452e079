using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TermSync.Importer.Api;

namespace TermSync.Importer.Replay;

/// <summary>
/// Sends a <see cref="ReplayPlan"/> to the TermSync API in business-date order. It registers every vendor
/// first. Then it replays one day at a time in four steps: invoice issues (as batches per vendor), dispute
/// openings, dispute resolutions and payments. Each step starts only after the previous one has completed,
/// so every event of day D has completed before any event of day D + 1 is sent. Within a step up to
/// <see cref="ReplayerOptions.MaxConcurrency"/> requests run at once.
/// </summary>
/// <remarks>
/// A dispute becomes a dispute conversation recorded by the vendor's staff (see <see cref="DisputeConversations"/>),
/// raised at the start of its business day in the vendor's time zone. The API stamps every resolution with the
/// time at which it receives it, so a resolution carries its business date only in its closing message.
/// </remarks>
public sealed class Replayer
{
    private readonly TermSyncClient _client;
    private readonly ReplayerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a replayer that sends through <paramref name="client"/>.</summary>
    /// <param name="client">API client.</param>
    /// <param name="options">Concurrency and batch size. Defaults to the <see cref="ReplayerOptions"/> defaults.</param>
    /// <param name="timeProvider">Clock that measures <see cref="ReplaySummary.Elapsed"/>. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Logger for progress. Defaults to no logging.</param>
    public Replayer(
        TermSyncClient client,
        ReplayerOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<Replayer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);

        _client = client;
        _options = options ?? new ReplayerOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<Replayer>.Instance;

        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrency, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.BatchSize, TermSyncClient.MaxBatchSize, nameof(options));
    }

    /// <summary>
    /// Sends the vendors and events of <paramref name="plan"/>, stopping after the events dated
    /// <paramref name="until"/> (inclusive) when it is given, and returns what was sent.
    /// </summary>
    /// <exception cref="TermSyncApiException">The API rejected a request, or a request failed after every retry.</exception>
    public async Task<ReplaySummary> ReplayAsync(ReplayPlan plan, DateOnly? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);

        var startedAt = _timeProvider.GetTimestamp();
        var scope = until is { } lastDate ? plan.Until(lastDate) : plan;
        var events = scope.Events;
        _logger.ReplayStarted(events.Count, scope.Vendors.Count, events.FirstOrDefault()?.Date, events.LastOrDefault()?.Date);

        var zones = FindTimeZones(scope.Vendors);
        await ForEachBoundedAsync(scope.Vendors, RegisterVendorAsync, cancellationToken);

        foreach (var day in events.GroupBy(e => e.Date))
        {
            await ReplayDayAsync(day.Key, day.ToList(), zones, cancellationToken);
        }

        var summary = new ReplaySummary(
            Vendors: scope.Vendors.Count,
            Customers: events.OfType<InvoiceIssue>().Select(issue => issue.Customer.Id).Distinct(StringComparer.Ordinal).Count(),
            Invoices: events.OfType<InvoiceIssue>().Count(),
            Payments: events.OfType<Payment>().Count(),
            DisputesOpened: events.OfType<DisputeOpen>().Count(),
            DisputesResolved: events.OfType<DisputeResolution>().Count(),
            LastEventDate: events.LastOrDefault()?.Date,
            Elapsed: _timeProvider.GetElapsedTime(startedAt));
        _logger.ReplayCompleted(summary.Invoices, summary.Payments, summary.DisputesOpened, summary.LastEventDate, summary.Elapsed);
        return summary;
    }

    private async Task ReplayDayAsync(
        DateOnly date, List<ReplayEvent> events, IReadOnlyDictionary<string, TimeZoneInfo> zones, CancellationToken cancellationToken)
    {
        var issues = events.OfType<InvoiceIssue>().ToList();
        var batches = issues
            .GroupBy(issue => issue.VendorId, StringComparer.Ordinal)
            .SelectMany(vendorIssues => vendorIssues.Chunk(_options.BatchSize))
            .ToList();
        await ForEachBoundedAsync(batches, IssueBatchAsync, cancellationToken);

        // A dispute of a vendor that the plan does not register is raised at the start of its day in UTC.
        var openings = events.OfType<DisputeOpen>().ToList();
        await ForEachBoundedAsync(
            openings, (opening, token) => OpenDisputeAsync(opening, zones.GetValueOrDefault(opening.VendorId, TimeZoneInfo.Utc), token), cancellationToken);

        var resolutions = events.OfType<DisputeResolution>().ToList();
        await ForEachBoundedAsync(resolutions, ResolveDisputeAsync, cancellationToken);

        var payments = events.OfType<Payment>().ToList();
        await ForEachBoundedAsync(payments, RecordPaymentAsync, cancellationToken);

        _logger.DayReplayed(date, issues.Count, openings.Count, resolutions.Count, payments.Count);
    }

    private Task ForEachBoundedAsync<T>(
        IReadOnlyCollection<T> items, Func<T, CancellationToken, ValueTask> send, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        var parallelOptions = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.MaxConcurrency,
            CancellationToken = cancellationToken,
        };
        return Parallel.ForEachAsync(items, parallelOptions, send);
    }

    private async ValueTask RegisterVendorAsync(VendorProfile vendor, CancellationToken cancellationToken) =>
        await _client.RegisterVendorAsync(
            new RegisterVendorRequest(vendor.Id, vendor.Name, vendor.ContactEmail, vendor.TimeZone), cancellationToken);

    private async ValueTask IssueBatchAsync(InvoiceIssue[] batch, CancellationToken cancellationToken)
    {
        var invoices = batch
            .Select(issue => new InvoiceRequest(
                issue.InvoiceNumber,
                new CustomerRequest(issue.Customer.Id, issue.Customer.Name, issue.Customer.Email),
                issue.Currency,
                issue.Amount,
                issue.Date,
                issue.DueDate))
            .ToList();

        var results = await _client.IssueInvoicesAsync(batch[0].VendorId, invoices, cancellationToken);
        if (results.Count != invoices.Count)
        {
            throw new TermSyncApiException(
                $"The invoice batch of vendor {batch[0].VendorId} for {batch[0].Date:yyyy-MM-dd} returned {results.Count} results for {invoices.Count} invoices.",
                null,
                null);
        }

        // The API reports a rejected invoice inside a 200 response, so the replay stops here instead of failing later on its payment.
        var rejected = results.FirstOrDefault(result => result.Outcome == InvoiceBatchResult.RejectedOutcome);
        if (rejected is not null)
        {
            throw new TermSyncApiException(
                $"Vendor {batch[0].VendorId} rejected invoice {rejected.InvoiceNumber} issued on {batch[0].Date:yyyy-MM-dd}: {rejected.Error}",
                null,
                rejected.Error);
        }
    }

    /// <summary>Returns the time zone of each vendor, keyed by vendor id.</summary>
    /// <exception cref="TimeZoneNotFoundException">The time zone database of this machine has no entry for a vendor's time zone id.</exception>
    private static Dictionary<string, TimeZoneInfo> FindTimeZones(IEnumerable<VendorProfile> vendors)
    {
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        foreach (var vendor in vendors)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(vendor.TimeZone, out var zone))
            {
                throw new TimeZoneNotFoundException(
                    $"The time zone '{vendor.TimeZone}' of vendor {vendor.Id} was not found in this machine's time zone database, so its dispute dates cannot be converted. " +
                    "Use an IANA time zone id such as \"Europe/Berlin\", or install the time zone database (tzdata).");
            }

            zones[vendor.Id] = zone;
        }

        return zones;
    }

    private async ValueTask OpenDisputeAsync(DisputeOpen opening, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var conversation = new RecordConversationRequest(
            DisputeConversations.ConversationIdFor(opening.InvoiceNumber),
            DisputeConversations.Kind,
            [new ConversationInvoiceRequest(opening.InvoiceNumber)],
            DisputeConversations.ApiReasonFor(opening.Reason),
            opening.RaisedBy,
            opening.Message,
            DisputeConversations.StartOfDay(opening.Date, zone));
        await _client.RecordConversationAsync(opening.VendorId, conversation, cancellationToken);
    }

    private async ValueTask ResolveDisputeAsync(DisputeResolution resolution, CancellationToken cancellationToken)
    {
        // NOTE: the server stamps the resolution, and the release of the invoice hold, with its current time. So an
        // imported dispute's resolution time runs from its business date to the replay. Under a first-response service
        // level (one business day by default) its due time has already passed, so the server may record and escalate
        // a breach before this resolution arrives.
        var request = new ResolveConversationRequest(
            DisputeConversations.Outcome,
            Reference: null,
            DisputeConversations.ResolverName,
            string.Create(CultureInfo.InvariantCulture, $"Resolved on {resolution.Date:yyyy-MM-dd} in the imported records."));
        await _client.ResolveConversationAsync(
            resolution.VendorId, DisputeConversations.ConversationIdFor(resolution.InvoiceNumber), request, cancellationToken);
    }

    private async ValueTask RecordPaymentAsync(Payment payment, CancellationToken cancellationToken) =>
        await _client.RecordPaymentAsync(
            payment.VendorId, payment.InvoiceNumber, new PaymentRequest(payment.PaymentId, payment.Amount, payment.Date), cancellationToken);
}
