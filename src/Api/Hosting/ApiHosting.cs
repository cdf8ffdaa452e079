using System.Text.Json.Serialization;
using FastEndpoints;
using FastEndpoints.Swagger;
using Serilog;
using Serilog.Events;
using TermSync.Api.Idempotency;
using TermSync.Silo.Hosting;

namespace TermSync.Api.Hosting;

public static class ApiHosting
{
    public static WebApplicationBuilder AddTermSyncLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger.ApplyTermSyncDefaults(builder.Configuration, services));
        return builder;
    }

    public static IServiceCollection AddTermSyncApi(this IServiceCollection services)
    {
        services.AddFastEndpoints();
        services.SwaggerDocument(options =>
        {
            options.DocumentSettings = document =>
            {
                document.Title = "TermSync API";
                document.Version = "v1";
                document.Description = "Vendors push invoices, payments and disputes; customers get one bundled digest across all their vendors.\n\n" +
                    IdempotencyDocumentation.Overview;
                document.OperationProcessors.Add(new IdempotencyKeyOperationProcessor());
            };
            options.ShortSchemaNames = false;
        });
        services.TryAddTimeProvider();
        services.AddTermSyncIdempotency();
        return services;
    }

    public static WebApplication UseTermSyncApi(this WebApplication app)
    {
        app.UseTermSyncErrorHandling();
        app.UseSerilogRequestLogging(options =>
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : context.Response.StatusCode >= 400 ? LogEventLevel.Information : LogEventLevel.Debug);
        app.UseTermSyncIdempotency();
        app.UseFastEndpoints(config =>
        {
            config.Errors.UseProblemDetails();
            config.Serializer.Options.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            config.Serializer.Options.NumberHandling = JsonNumberHandling.Strict;
            config.Binding.JsonExceptionTransformer = ErrorHandling.DescribeJsonError;
            config.Binding.FailureMessage = ErrorHandling.DescribeBindingError;
            config.Binding.ValueParserFor<DateOnly>(ErrorHandling.ParseDate);
            config.Binding.ValueParserFor<DateOnly?>(ErrorHandling.ParseDate);
        });
        app.UseSwaggerGen();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
