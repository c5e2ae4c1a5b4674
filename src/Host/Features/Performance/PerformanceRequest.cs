using GovReport.Host.Infrastructure.Http;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Performance;

/// <summary>
/// The query of a comparison (period, view, asOf, indicator), shared by units and blocks; each
/// bad parameter is named in <c>errors</c>.
/// </summary>
internal sealed record PerformanceRequest(Period Period, PerformanceView View, DateTimeOffset? AsOf, IndicatorCode? Indicator)
{
    public static async Task<PerformanceRequest?> ParseAsync(
        string? period, string? view, string? asOf, string? indicator, DateOnly today,
        CatalogueReader catalogue, InputErrors errors, CancellationToken ct)
    {
        var parsedPeriod = QueryParameters.Period(period, today, errors);
        var instant = errors.Instant("asOf", asOf);
        var parsedView = PerformanceView.Month;
        if (view is not null && !PerformanceViews.TryParse(view, out parsedView, out var viewError)) errors.Add("view", viewError!);
        else if (view is null && parsedPeriod is not null) parsedView = DefaultView(parsedPeriod.Kind);
        IndicatorCode? only = null;
        if (indicator is not null)
        {
            if (!IndicatorCode.TryParse(indicator, out var code, out var codeError)) errors.Add("indicator", codeError!);
            else if ((await catalogue.IndicatorsAsync(ct)).All(i => i.Code != code)) errors.Add("indicator", $"No indicator '{indicator}' is defined.");
            else only = code;
        }
        return parsedPeriod is null || errors.Any ? null : new PerformanceRequest(parsedPeriod, parsedView, instant, only);
    }

    /// <summary>A quarter, half or year asked for on its own is compared as a whole.</summary>
    private static PerformanceView DefaultView(PeriodKind kind) => kind switch
    {
        PeriodKind.Quarter => PerformanceView.Quarter,
        PeriodKind.Half => PerformanceView.Half,
        PeriodKind.Year => PerformanceView.Year,
        _ => PerformanceView.Month,
    };
}
