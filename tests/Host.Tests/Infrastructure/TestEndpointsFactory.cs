using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests.Infrastructure;

/// <summary>The host plus a few endpoints under /api/test that exercise the pipeline the way features will.</summary>
public class TestEndpointsFactory : GovReportFactory
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddApiModule<TestApiModule>();
}

public enum Colour { DarkGreen, Red }

public sealed record EchoBody(string Name, int Value, Colour Colour);

public sealed class TestApiModule : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var test = api.MapGroup("/test");
        test.MapGet("/me", (RequestContext context) => TypedResults.Ok(new
        {
            context.CorrelationId,
            Subject = context.CurrentUser?.Subject,
            Roles = context.CurrentUser?.Roles.Order().ToArray(),
            Units = context.CurrentUser?.Units.Order().ToArray(),
        })).RequireAuthorization(Policies.ReadFigures);
        test.MapPost("/echo", (EchoBody body) => TypedResults.Ok(body));
        test.MapGet("/page", (int size) => TypedResults.Ok(size));
        test.MapGet("/catalogue", () => TypedResults.Ok()).RequireAuthorization(Policies.ManageCatalogue);
        test.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internals"));
        test.MapGet("/conflict", () => Problems.Conflict("report-already-approved", "The report for 2022-08 is approved."));
        test.MapGet("/invalid", () => Problems.Validation(new Dictionary<string, string[]>
        {
            ["values[0].indicator"] = ["Unknown indicator 'forest-x'."],
        }));
    }
}
