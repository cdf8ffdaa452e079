using System.Text.RegularExpressions;
using System.Xml.Linq;
using TermSync.Invoices;

namespace TermSync.Ingest.Ubl;

/// <summary>Reads when a document falls due: its stated due date, or a date computed from its payment terms.</summary>
internal static partial class UblDueDateReader
{
    private const string DueDatePath = "cbc:DueDate";
    private const string PaymentDueDatePath = "cac:PaymentMeans/cbc:PaymentDueDate";
    private const string TermsNotePath = "cac:PaymentTerms/cbc:Note";

    /// <summary>The due date, the payment terms note and the terms read from it.</summary>
    public sealed record Result(DateOnly? DueDate, string? TermsNote, PaymentTerms? Terms);

    /// <summary>
    /// Reads cbc:DueDate, else the first cac:PaymentMeans/cbc:PaymentDueDate (the element that UBL 2.1 credit
    /// notes use), else computes the date from the payment terms. An invoice needs one of them; a credit note
    /// does not. Records an error for an invalid date or a due date before <paramref name="issueDate"/>.
    /// </summary>
    public static Result Read(UblFieldReader fields, UblDocumentKind kind, DateOnly? issueDate)
    {
        var note = TermsNote(fields);
        PaymentTermsParser.TryParse(note, out var terms);

        var path = DueDatePath;
        var element = FirstWithText(fields, DueDatePath);
        if (element is null)
        {
            path = PaymentDueDatePath;
            element = FirstWithText(fields, PaymentDueDatePath);
        }

        if (element is not null)
        {
            var stated = fields.Date(element, path, "due date");
            if (stated is { } date && issueDate is { } issued && date < issued)
            {
                fields.Reject(path, UblFieldReader.Text(element), $"The due date {date:yyyy-MM-dd} is before the issue date {issued:yyyy-MM-dd}; send a due date on or after it.");
            }

            return new Result(stated, note, terms);
        }

        if (terms is not null)
        {
            return new Result(issueDate is { } issued ? terms.DueDate(issued) : null, note, terms);
        }

        if (kind == UblDocumentKind.Invoice)
        {
            RejectMissingDueDate(fields, note);
        }

        return new Result(null, note, null);
    }

    private static void RejectMissingDueDate(UblFieldReader fields, string? note)
    {
        if (note is null)
        {
            fields.Reject(DueDatePath, null,
                $"The invoice has no due date and no payment terms; add {DueDatePath} as YYYY-MM-DD, or payment terms such as {PaymentTermsParser.Examples} in {TermsNotePath}.");
            return;
        }

        fields.Reject(TermsNotePath, note,
            $"The invoice has no due date, and TermSync cannot compute one from the payment terms '{note}'; add {DueDatePath} as YYYY-MM-DD, or write the terms as {PaymentTermsParser.Examples}.");
    }

    private static XElement? FirstWithText(UblFieldReader fields, string path) =>
        UblPath.Elements(fields.Root, path).FirstOrDefault(element => UblFieldReader.Text(element) is not null);

    private static string? TermsNote(UblFieldReader fields)
    {
        var notes = UblPath.Elements(fields.Root, TermsNotePath)
            .Select(UblFieldReader.Text)
            .OfType<string>()
            .Select(text => Whitespace().Replace(text, " "))
            .ToList();
        return notes.Count == 0 ? null : string.Join(" ", notes);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
