using TermSync.Invoices;

namespace TermSync.Api.Portal.Forms;

/// <summary>The payment notice form: the date the invoice was paid, or the date it will be paid.</summary>
public sealed class NoticeForm
{
    public PaymentNoticeKind? Kind { get; set; }

    /// <summary>The paid or promised date as the date field sends it, YYYY-MM-DD.</summary>
    public string? Date { get; set; }

    public string? Method { get; set; }

    public string? AuthorName { get; set; }
}
