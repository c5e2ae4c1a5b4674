using GovReport.Host.Infrastructure.Http;

namespace GovReport.Host.Features.Catalogue;

/// <summary>Units and indicators: the catalogue every report, plan and comparison names.</summary>
public sealed class CatalogueEndpoints : IApiModule
{
    public void Map(RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapPutUnit();
        units.MapUnitQueries();

        var indicators = api.MapGroup("/indicators").WithTags("Indicators");
        indicators.MapPutIndicator();
        indicators.MapIndicatorQueries();
    }
}
