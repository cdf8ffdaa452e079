using System.Text.Json.Serialization;
using FastEndpoints;
using FastEndpoints.Swagger;
using NSwag;
using Serilog;
using Serilog.Events;
using TermSync.Api.Idempotency;
using TermSync.Api.Portal;
using TermSync.Api.Security;
using TermSync.Silo.Hosting;
using TermSync.Silo.Ledger;

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

        // Results returned as IResult (TypedResults) are written with ASP.NET Core's options, so they get the same enum names.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddTermSyncSecurity();
        services.SwaggerDocument(options =>
        {
            options.EnableJWTBearerAuth = false;
            options.DocumentSettings = document =>
            {
                document.Title = "TermSync API";
                document.Version = "v1";
                document.Description = "Vendors push invoices, payments and disputes; customers get one bundled digest across all their vendors.\n\n" +
                    IdempotencyDocumentation.Overview;
                document.OperationProcessors.Add(new IdempotencyKeyOperationProcessor());
                document.AddAuth(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
                {
                    Type = OpenApiSecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A vendor key (tsk_...), an analyst key (tsa_...) or the admin key, sent as 'Authorization: Bearer KEY'.",
                });
            };
            options.ShortSchemaNames = false;
        });
        services.TryAddTimeProvider();
        services.AddTermSyncIdempotency();

        // The reader uses the API process's NpgsqlDataSource, which AddTermSyncIdempotency registers.
        services.AddSingleton<ReceivablesLedgerReader>();
        services.AddTermSyncMetricsExport();
        services.AddTermSyncPortal();
        return services;
    }

    public static WebApplication UseTermSyncApi(this WebApplication app)
    {
        app.UseTermSyncErrorHandling();
        app.UseTermSyncDashboard();

        // Many clients send Content-Type: application/json on every request; a body-less GET or DELETE must not be read as JSON.
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength is null or 0 && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Request.ContentType = null;
            }

            return next(context);
        });

        // The completion event carries method, path, status and elapsed time only: no headers, so no API key.
        app.UseSerilogRequestLogging(options =>
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : context.Response.StatusCode >= 400 ? LogEventLevel.Information : LogEventLevel.Debug);
        app.UseTermSyncSecurity();
        app.UseTermSyncIdempotency();
        app.UseFastEndpoints(config =>
        {
            config.Endpoints.Configurator = EndpointAccess.Configure;
            config.Errors.UseProblemDetails();
            config.Serializer.Options.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            config.Serializer.Options.NumberHandling = JsonNumberHandling.Strict;
            config.Binding.JsonExceptionTransformer = ErrorHandling.DescribeJsonError;
            config.Binding.FailureMessage = ErrorHandling.DescribeBindingError;
            config.Binding.ValueParserFor<DateOnly>(ErrorHandling.ParseDate);
            config.Binding.ValueParserFor<DateOnly?>(ErrorHandling.ParseDate);
        });
        app.UseTermSyncPortal();
        app.MapTermSyncMetrics();
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
