using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.Figures;
using Npgsql;

namespace GovReport.Projections.Queries;

/// <summary>What the data-quality checks compare a submission with: the catalogue and the unit's own official figures before the month.</summary>
public static class UnitHistory
{
    public static async Task<QualityContext> QualityContextAsync(
        NpgsqlDataSource dataSource, CatalogueReader catalogue, UnitId unit, Month month, CancellationToken ct)
    {
        var indicators = (await catalogue.IndicatorsAsync(ct)).ToDictionary(i => i.Code);
        var months = Enumerable.Range(1, FigureWarnings.HistoryMonths).Select(i => month.AddMonths(-i).ToString()).ToArray();
        await using var command = dataSource.CreateCommand(
            "SELECT month, stored_figures::text FROM rm.official_figure_sets WHERE unit_id = $1 AND month = ANY($2) AND valid_to IS NULL");
        command.Parameters.Add(new() { Value = unit.Value });
        command.Parameters.Add(new() { Value = months });
        var history = new Dictionary<(string, Month), decimal>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var m = Month.Parse(reader.GetString(0));
            foreach (var (indicator, value) in FigureJson.Parse(reader.GetString(1))) history[(indicator, m)] = value;
        }
        return new QualityContext(indicators, history);
    }
}
