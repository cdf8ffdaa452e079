using System.Text;

namespace TermSync.Ingest.Tests.Csv;

internal static class CsvText
{
    /// <summary>Encodes <paramref name="text"/> as UTF-8, with a byte order mark when <paramref name="byteOrderMark"/> is set.</summary>
    public static Stream Utf8(string text, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }
}
