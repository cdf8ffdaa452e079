using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TermSync.Api.Tests.Idempotency;

/// <summary>
/// Adds two test-only steps around the API's pipeline. In front, the <see cref="CallerHeader"/> header
/// signs the request in as that caller, standing in for authentication. Behind it,
/// <see cref="IdempotencyProbe.Path"/> reaches the probe; a request that no endpoint matches falls
/// through the API's pipeline, Idempotency-Key middleware included, to this last step.
/// </summary>
public sealed class IdempotencyTestPipeline(IdempotencyProbe probe) : IStartupFilter
{
    /// <summary>The request header whose value becomes the caller's name identifier.</summary>
    public const string CallerHeader = "X-Test-Caller";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextStep) =>
        {
            if (context.Request.Headers.TryGetValue(CallerHeader, out var caller))
            {
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, caller.ToString())], authenticationType: "Test");
                context.User = new ClaimsPrincipal(identity);
            }

            await nextStep(context);
        });

        next(app);

        app.Use(async (context, nextStep) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == IdempotencyProbe.Path)
            {
                await probe.HandleAsync(context);
                return;
            }

            await nextStep(context);
        });
    };
}
