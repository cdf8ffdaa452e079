using FluentValidation;

namespace TermSync.Api.Portal;

/// <summary>Runs the API's request validators for the portal's forms, so a form and its API route accept the same input.</summary>
public static class PortalValidation
{
    /// <summary>Returns the messages of every failed rule, or an empty list when the request is valid.</summary>
    public static IReadOnlyList<string> Check<TRequest>(IValidator<TRequest> validator, TRequest request) =>
        [.. validator.Validate(request).Errors.Select(error => error.ErrorMessage)];
}
