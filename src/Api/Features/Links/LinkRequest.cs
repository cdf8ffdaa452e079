namespace TermSync.Api.Features.Links;

/// <summary>A digest link: its signed token, from the "token" query parameter.</summary>
public sealed record LinkRequest(string? Token);
