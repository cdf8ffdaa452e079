namespace TermSync.Api.Features.AnalystKeys.Issue;

/// <summary>An analyst key to issue.</summary>
/// <param name="Label">The person or tool that uses the key, such as "Finance BI dashboard": 1 to 100 characters, listed with the key.</param>
public sealed record Request(string? Label);
