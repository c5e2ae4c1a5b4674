using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Health;
using GovReport.Host.Infrastructure.Limits;
using GovReport.Host.Infrastructure.Telemetry;
using GovReport.Host.Infrastructure.OpenApi;
using GovReport.Host.Infrastructure.Storage;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Host.Infrastructure.Messaging;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host;

/// <summary>
/// Builds the configured web application. The <c>serve</c> verb runs it, other verbs resolve
/// services from it without running it, and WebApplicationFactory&lt;Program&gt; captures it.
/// </summary>
/// <remarks>
/// Configuration is read lazily (options, factories): WebApplicationFactory applies the test's
/// configuration only when the builder builds, so anything read eagerly here would miss it.
/// </remarks>
public static class GovReportApp
{
    public const string ConnectionStringName = "GovReport";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // `dotnet run --project src/Host` starts in the caller's directory; appsettings live beside the binary.
            ContentRootPath = HasContentRoot(args) ? null : AppContext.BaseDirectory,
        });
        builder.Services.AddGovReportServices();
        Infrastructure.Auth.Oidc.OidcSetup.AddGovReportOidc(builder);
        builder.AddGovReportTelemetry();
        builder.AddGovReportMessaging();
        var app = builder.Build();
        app.UseGovReportPipeline();
        app.MapGovReportEndpoints();
        return app;
    }

    public static IServiceCollection AddGovReportServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<RequestContext>();

        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured.");
            return new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                .Build();
        });

        // Problems: our writer first, so every error body is problem+json whatever the Accept header.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.Configure<JsonOptions>(o => JsonSetup.Apply(o.SerializerOptions));
        // Binding failures throw, so the exception handler can name the field in `errors`.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddOptions<Features.Targets.PlanOptions>().BindConfiguration(Features.Targets.PlanOptions.Section)
            .Validate(o => Domain.Targets.PlanBaselines.TryParse(o.Official, out _, out _), "Plans:Official must be assigned, council or stretch.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        services.AddGovReportRateLimiting();

        services.AddGovReportAuth();
        services.AddGovReportStorage();
        services.AddGovReportProjections();
        services.AddApiModule<Features.Catalogue.CatalogueEndpoints>();
        services.AddApiModule<Features.Targets.TargetsEndpoints>();
        services.AddApiModule<Features.Periods.PeriodsEndpoints>();
        Features.Periods.CalendarSetup.AddReportingCalendar(services);
        services.AddApiModule<Features.Reports.ReportsEndpoints>();
        services.AddScoped<Features.Reports.ReportWrites>();
        services.AddScoped<Features.Catalogue.IndicatorWrites>();
        services.AddScoped<Features.Targets.TargetWrites>();
        services.AddSingleton<Features.Reports.ReviewQueue>();
        services.AddApiModule<Features.Performance.PerformanceEndpoints>();
        services.AddApiModule<Features.Performance.ReportingStatusEndpoints>();
        services.AddApiModule<Features.Blocks.BlocksEndpoints>();
        services.AddApiModule<Features.Admin.AdminEndpoints>();
        services.AddApiModule<Features.Admin.ProjectionsAdminEndpoints>();
        Features.Dhis2.Dhis2Endpoints.AddGovReportDhis2(services);
        services.AddApiModule<Features.Imports.WorkbookEndpoints>();
        Features.Restructurings.RestructuringSetup.AddGovReportRestructurings(services);
        Features.Summaries.SummarySetup.AddGovReportSummaries(services);
        services.AddSingleton<Features.Summaries.BlockSummarySources>();
        services.AddGovReportAudit();
        Features.Web.WebSetup.AddGovReportWeb(services);
        services.AddReadinessProbe<DatabaseProbe>();
        services.AddOpenApi(o => o
            .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddOperationTransformer<AnonymousOperationTransformer>());
        return services;
    }

    public static WebApplication UseGovReportPipeline(this WebApplication app)
    {
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler();
        Features.Web.WebSetup.UseGovReportWebAssets(app);
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<Infrastructure.Idempotency.IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication MapGovReportEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGovReportApi();
        Features.Web.WebSetup.MapGovReportWeb(app);
        return app;
    }

    private static bool HasContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
}
