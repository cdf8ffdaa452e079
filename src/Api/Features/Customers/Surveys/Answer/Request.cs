namespace TermSync.Api.Features.Customers.Surveys.Answer;

/// <summary>A customer's answer to one offered survey.</summary>
/// <param name="SurveyId">The survey's id, 32 lower-case hexadecimal digits, from GET /customers/{customerId}/surveys.</param>
/// <param name="Score">1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Comment">Optional text of at most 1000 characters; surrounding white space is trimmed.</param>
public sealed record Request(string CustomerId, string SurveyId, int? Score, string? Comment);
