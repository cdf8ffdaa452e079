using System.Diagnostics.CodeAnalysis;

namespace TermSync.Ingest.Ubl;

/// <summary>The outcome of reading one UBL document: the document, or every reason it was rejected.</summary>
public sealed class UblReadResult
{
    private UblReadResult(UblDocument? document, IReadOnlyList<IngestError> errors)
    {
        Document = document;
        Errors = errors;
    }

    /// <summary>The document read; null when <see cref="Errors"/> is not empty.</summary>
    public UblDocument? Document { get; }

    /// <summary>Every reason the document was rejected; empty when it was read.</summary>
    public IReadOnlyList<IngestError> Errors { get; }

    /// <summary>Whether the document was read without errors.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    internal static UblReadResult Success(UblDocument document) => new(document, []);

    internal static UblReadResult Failure(IReadOnlyList<IngestError> errors) => new(null, errors);
}
