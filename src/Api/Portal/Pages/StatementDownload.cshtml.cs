using Microsoft.AspNetCore.Mvc;
using TermSync.Api.Portal.Exports;
using TermSync.Api.Portal.Sessions;

namespace TermSync.Api.Portal.Pages;

/// <summary>The signed-in customer's whole statement as a CSV or PDF file, named after the customer and the as-of date.</summary>
public sealed class StatementDownloadModel(IClusterClient cluster, PortalSessionCookie cookie, TimeProvider time) : PortalPageModel(cluster, cookie)
{
    [BindProperty(SupportsGet = true)]
    public string Format { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var statement = await LoadStatementAsync(time);
        var name = $"statement-{statement.AsOf:yyyy-MM-dd}";
        return string.Equals(Format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? File(StatementPdf.Render(statement), "application/pdf", $"{name}.pdf")
            : File(StatementCsv.Write(statement), "text/csv; charset=utf-8", $"{name}.csv");
    }
}
