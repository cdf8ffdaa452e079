namespace TermSync.Api.Features.Customers;

/// <summary>A customer id from the route and an optional as-of date from the query string.</summary>
/// <param name="AsOf">Business date that decides what is past due, YYYY-MM-DD; today (UTC) when omitted.</param>
public sealed record CustomerRequest(string CustomerId, DateOnly? AsOf);
