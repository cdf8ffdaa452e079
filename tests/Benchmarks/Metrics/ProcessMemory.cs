using System.Globalization;

namespace TermSync.Benchmarks.Metrics;

/// <summary>Memory of a process from /proc/PID/status, in bytes.</summary>
/// <param name="ResidentBytes">VmRSS: physical memory in use now.</param>
/// <param name="PeakResidentBytes">VmHWM: the most physical memory in use at any time since the process started.</param>
public sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    /// <summary>Reads the memory of process <paramref name="pid"/>.</summary>
    /// <exception cref="InvalidOperationException">The process does not exist or /proc lacks the fields, as outside Linux.</exception>
    public static ProcessMemory Read(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist, so process {pid} has exited or this is not Linux; pass the PID of the running API with --silo-pid.");
        }

        long resident = -1, peak = -1;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        if (resident < 0 || peak < 0)
        {
            throw new InvalidOperationException($"{path} has no VmRSS or VmHWM line.");
        }

        return new ProcessMemory(resident * 1024, peak * 1024);
    }

    /// <summary>Parses a line such as "VmRSS:	  123456 kB".</summary>
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':')[1].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
}
