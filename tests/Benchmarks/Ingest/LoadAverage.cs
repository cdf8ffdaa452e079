namespace TermSync.Benchmarks.Ingest;

/// <summary>Reads the system load average, which shows how busy the machine was while a benchmark ran.</summary>
public static class LoadAverage
{
    /// <summary>Returns the 1, 5 and 15 minute load averages from /proc/loadavg, or "unavailable" where that file does not exist.</summary>
    public static string Read()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(", ", File.ReadAllText(path).Split(' ').Take(3)) : "unavailable";
    }
}
