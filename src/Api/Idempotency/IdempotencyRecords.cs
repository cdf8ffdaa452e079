namespace TermSync.Api.Idempotency;

/// <summary>A POST that carries an Idempotency-Key, as the store identifies it.</summary>
/// <param name="Scope">The caller: a vendor id, "admin" or "anonymous". Keys of different callers never collide.</param>
/// <param name="Key">The Idempotency-Key header value.</param>
/// <param name="RequestHash">The <see cref="RequestFingerprint"/> of the request.</param>
/// <param name="Path">The escaped path and query, kept for diagnostics.</param>
public sealed record IdempotentRequest(string Scope, string Key, byte[] RequestHash, string Method, string Path);

/// <summary>A response stored for replay.</summary>
/// <param name="ContentType">The Content-Type header; null when the response had none.</param>
/// <param name="Body">The body bytes as sent.</param>
public sealed record StoredResponse(int Status, string? ContentType, byte[] Body);

/// <summary>The row an earlier use of the key left.</summary>
/// <param name="Response">The stored response; null while that request is still in progress.</param>
public sealed record ExistingRequest(byte[] RequestHash, StoredResponse? Response);

/// <summary>The result of claiming a key: either this request owns it, or an earlier one does.</summary>
/// <param name="ClaimId">Set when this request owns the key and should run.</param>
/// <param name="Existing">Set when another request owns the key.</param>
public sealed record ClaimResult(Guid? ClaimId, ExistingRequest? Existing);
