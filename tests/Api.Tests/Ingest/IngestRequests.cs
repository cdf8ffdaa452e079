using System.Net.Http.Headers;
using System.Text;
using TermSync.Tests;

namespace TermSync.Api.Tests.Ingest;

/// <summary>Sends CSV files and UBL documents the way a vendor's system uploads them.</summary>
internal static class IngestRequests
{
    /// <summary>Posts <paramref name="csv"/> as UTF-8 text/csv, with a byte order mark when <paramref name="byteOrderMark"/> is set.</summary>
    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string path, string csv, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        return client.PostBytesAsync(path, byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes, "text/csv");
    }

    public static Task<HttpResponseMessage> PostUblAsync(this HttpClient client, string vendorId, string xml) =>
        client.PostBytesAsync($"/vendors/{vendorId}/documents/ubl", Encoding.UTF8.GetBytes(xml), "application/xml");

    public static async Task<HttpResponseMessage> PostBytesAsync(this HttpClient client, string path, byte[] body, string mediaType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return await client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Returns the text of a file of the UBL example folder.</summary>
    public static string ReadUblFile(string fileName) => File.ReadAllText(Path.Combine(UblDatasetDirectory.Locate(), fileName));

    public static Task<HttpResponseMessage> GetInvoiceAsync(this HttpClient client, string vendorId, string invoiceNumber) =>
        client.GetAsync($"/vendors/{vendorId}/invoices/{Uri.EscapeDataString(invoiceNumber)}", TestContext.Current.CancellationToken);
}
