namespace TermSync.Importer.Replay;

/// <summary>
/// Vendors to register and the events to send after them, sorted by business date and, within a day,
/// by <see cref="ReplayEventKind"/>. Events with the same date and kind keep the order in which they were given.
/// </summary>
public sealed class ReplayPlan
{
    /// <summary>Creates a plan and sorts <paramref name="events"/> into replay order.</summary>
    public ReplayPlan(IEnumerable<VendorProfile> vendors, IEnumerable<ReplayEvent> events)
    {
        ArgumentNullException.ThrowIfNull(vendors);
        ArgumentNullException.ThrowIfNull(events);

        Vendors = vendors.ToArray();
        Events = events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ToArray();
    }

    /// <summary>Vendors in the order in which they were given.</summary>
    public IReadOnlyList<VendorProfile> Vendors { get; }

    /// <summary>Events in replay order.</summary>
    public IReadOnlyList<ReplayEvent> Events { get; }

    /// <summary>
    /// Returns a plan with the same vendors and only the events dated on or before <paramref name="lastDate"/>.
    /// An invoice issued by then but paid later stays open in the returned plan.
    /// </summary>
    public ReplayPlan Until(DateOnly lastDate) =>
        new(Vendors, Events.Where(e => e.Date <= lastDate));
}
