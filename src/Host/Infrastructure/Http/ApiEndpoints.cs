using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// A group of feature endpoints under <c>/api</c>. Implement it next to the feature and register
/// it with <c>services.AddApiModule&lt;T&gt;()</c>; <see cref="ApiEndpoints.MapGovReportApi"/> maps it.
/// </summary>
public interface IApiModule
{
    void Map(RouteGroupBuilder api);
}

public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static IServiceCollection AddApiModule<TModule>(this IServiceCollection services)
        where TModule : class, IApiModule
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiModule, TModule>());
        return services;
    }

    /// <summary>
    /// Everything under <c>/api</c> needs an authenticated caller; endpoints narrow it further
    /// with <c>RequireAuthorization(Policies.X)</c> and unit checks through <c>CurrentUser</c>.
    /// </summary>
    public static RouteGroupBuilder MapGovReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization();
        foreach (var module in app.ServiceProvider.GetServices<IApiModule>())
            module.Map(api);
        return api;
    }
}
