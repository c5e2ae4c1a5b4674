using GovReport.Host.Api;

namespace GovReport.Host.Periods;

/// <summary>Reporting periods as the deployment's calendar sees them.</summary>
public sealed class PeriodsModule : IApiModule
{
    public void Map(RouteGroupBuilder api) => api.MapGroup("/periods").WithTags("Periods").MapGetPeriod();
}
