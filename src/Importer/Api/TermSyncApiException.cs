using System.Net;

namespace TermSync.Importer.Api;

/// <summary>
/// Raised when the TermSync API rejects a request with a 4xx status, or when a request still fails after
/// every retry. The message contains the method, the path, the status and the response body (problem details).
/// </summary>
public sealed class TermSyncApiException : Exception
{
    /// <summary>Creates the exception for a failed request.</summary>
    public TermSyncApiException(string message, HttpStatusCode? statusCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>Status of the last response, or null when the last attempt got no response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Body of the last response, usually RFC 9457 problem details, or null when there was none.</summary>
    public string? ResponseBody { get; }
}
