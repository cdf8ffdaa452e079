using TermSync.Digests;
using TermSync.Grains.Digests;

namespace TermSync.Benchmarks.DigestCycle;

/// <summary>The digest files that the outbox contains, counted after a cycle.</summary>
/// <param name="PeriodHtmlFiles">HTML files of the cycle's period, "{customerId}/{period}.html".</param>
/// <param name="HtmlFiles">HTML files of any period.</param>
/// <param name="TextFiles">Plain-text files of any period.</param>
public sealed record OutboxScan(string Period, int PeriodHtmlFiles, int HtmlFiles, int TextFiles, long HtmlBytes, long TextBytes)
{
    /// <summary>Returns the key of the weekly period that contains <paramref name="asOf"/>, as the digest grains name their files.</summary>
    public static string PeriodOf(DateOnly asOf) =>
        DigestCalendar.Key(new DigestCalendar(DigestPreferences.Default, TimeZoneInfo.Utc).PeriodStart(asOf));

    /// <summary>Counts the digest files under <paramref name="outboxPath"/>; a missing folder counts as empty.</summary>
    public static OutboxScan Count(string outboxPath, DateOnly asOf)
    {
        var period = PeriodOf(asOf);
        if (!Directory.Exists(outboxPath))
        {
            return new OutboxScan(period, 0, 0, 0, 0, 0);
        }

        int periodHtml = 0, html = 0, text = 0;
        long htmlBytes = 0, textBytes = 0;
        foreach (var file in new DirectoryInfo(outboxPath).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.Extension == ".html")
            {
                html++;
                htmlBytes += file.Length;
                periodHtml += Path.GetFileNameWithoutExtension(file.Name) == period ? 1 : 0;
            }
            else if (file.Extension == ".txt")
            {
                text++;
                textBytes += file.Length;
            }
        }

        return new OutboxScan(period, periodHtml, html, text, htmlBytes, textBytes);
    }
}
