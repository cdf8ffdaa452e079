namespace TermSync.Api.Features.Ingest;

/// <summary>Content types the uploads accept; ASP.NET Core routing rejects a request with another Content-Type, or none, with 415.</summary>
public static class UploadMediaTypes
{
    /// <summary>Accepts CSV as clients label it: text/csv (RFC 4180), and the types that spreadsheets and generic file uploads send.</summary>
    public static RouteHandlerBuilder AcceptsCsv(this RouteHandlerBuilder builder) =>
        builder.Accepts<string>("text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/octet-stream");

    /// <summary>Accepts XML as Peppol access points and generic file uploads label it.</summary>
    public static RouteHandlerBuilder AcceptsXml(this RouteHandlerBuilder builder) =>
        builder.Accepts<string>("application/xml", "text/xml", "application/octet-stream");
}
