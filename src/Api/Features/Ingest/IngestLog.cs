namespace TermSync.Api.Features.Ingest;

/// <summary>
/// Log events of the CSV and UBL uploads. Field values are never logged, because rows and documents carry customer
/// names, emails and tax ids; rejections log the field path or column only.
/// </summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information,
        Message = "Vendor {VendorId} uploaded a {FileKind} CSV: {AcceptedCount} items stored, {RejectedCount} rejected")]
    public static partial void CsvProcessed(ILogger logger, string vendorId, string fileKind, int acceptedCount, int rejectedCount);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning,
        Message = "Rejected the {FileKind} CSV of vendor {VendorId} whole with status {StatusCode}")]
    public static partial void CsvRejected(ILogger logger, string vendorId, string fileKind, int statusCode);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "Vendor {VendorId} ingested UBL {DocumentKind} {DocumentNumber} issued by seller {SellerName}")]
    public static partial void UblIngested(ILogger logger, string vendorId, string documentKind, string documentNumber, string sellerName);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning,
        Message = "Rejected a UBL document of vendor {VendorId} with status {StatusCode}: {ErrorCount} errors, the first at {Field}")]
    public static partial void UblRejected(ILogger logger, string vendorId, int statusCode, int errorCount, string field);
}
