using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors.Contexts;
using TermSync.Api.Security;

namespace TermSync.Api.Idempotency;

/// <summary>
/// Documents the optional Idempotency-Key header and its 409 and 422 responses on every POST operation except those
/// with <see cref="SecretResponseMetadata"/>.
/// </summary>
public sealed class IdempotencyKeyOperationProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (!string.Equals(context.OperationDescription.Method, OpenApiOperationMethod.Post, StringComparison.OrdinalIgnoreCase)
            || context is AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor.EndpointMetadata: var metadata }
                && metadata.OfType<SecretResponseMetadata>().Any())
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyHeader.Name,
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,
            Description = IdempotencyDocumentation.HeaderDescription,
            Schema = new JsonSchema
            {
                Type = JsonObjectType.String,
                MinLength = 1,
                MaxLength = IdempotencyHeader.MaxLength,
                Pattern = "^[ -~]+$",
            },
        });

        AddResponse(operation, "409", IdempotencyDocumentation.InProgressDescription);
        AddResponse(operation, "422", IdempotencyDocumentation.KeyReusedDescription);
        return true;
    }

    private static void AddResponse(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses.TryGetValue(status, out var existing))
        {
            existing.Description = $"{existing.Description} Also: {description}".Trim();
        }
        else
        {
            operation.Responses.Add(status, new OpenApiResponse { Description = description });
        }
    }
}
