using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Periods;

/// <summary>Reporting periods as the deployment's calendar sees them.</summary>
public sealed class PeriodsEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api) => api.MapGroup("/periods").WithTags("Periods").MapGetPeriod();
}
