using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Dhis2;

/// <summary>
/// DHIS2 interchange under <c>/api/dhis2</c>: <c>dataValueSets</c> out and in, as DHIS2's JSON or
/// as ADX (<c>application/adx+xml</c>), with ids mapped through <see cref="Dhis2Options"/>.
/// </summary>
public sealed class Dhis2Endpoints : IApiModule
{
    public const string AdxMediaType = "application/adx+xml";

    public void Map(RouteGroupBuilder api)
    {
        var dhis2 = api.MapGroup("/dhis2").WithTags("DHIS2");
        ExportDataValueSetsEndpoint.Map(dhis2);
        ImportDataValueSetsEndpoint.Map(dhis2);
    }

    public static void AddGovReportDhis2(IServiceCollection services)
    {
        services.AddOptions<Dhis2Options>().BindConfiguration(Dhis2Options.Section);
        // Built once: a mapping that is not one-to-one fails the host's start, not an import.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Dhis2Options>>().Value.ToMapping());
        services.AddSingleton<OfficialFiguresReader>();
        services.AddScoped<Dhis2Importer>();
        services.AddApiModule<Dhis2Endpoints>();
    }
}
