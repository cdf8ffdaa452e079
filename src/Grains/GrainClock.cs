namespace TermSync.Grains;

/// <summary>
/// The service key of the <see cref="TimeProvider"/> that grains read schedules from. It resolves to the host's
/// clock unless a test registers its own under this key, which leaves the Orleans runtime on real time.
/// </summary>
public static class GrainClock
{
    public const string Key = "termsync-grains";
}
