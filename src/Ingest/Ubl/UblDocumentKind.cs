namespace TermSync.Ingest.Ubl;

/// <summary>The UBL 2.1 document type, given by the document element.</summary>
public enum UblDocumentKind
{
    /// <summary>An Invoice-2 document: a claim on the buyer.</summary>
    Invoice,

    /// <summary>A CreditNote-2 document: a reduction of an invoice the seller issued before.</summary>
    CreditNote,
}
