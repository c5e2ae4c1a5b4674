using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Benchmarks.National;

/// <summary>
/// A generated country: one root, provinces under it, communes spread over the provinces, a
/// catalogue mixing every aggregation, annual plans for every province, and a submitted report
/// with every indicator for every commune and month. Deterministic for a given size.
/// </summary>
public sealed class Country(NationalOptions options)
{
    public const string Root = "viet-nam";
    private static readonly EventMetadata Metadata = new("benchmark", "benchmark", Reason: "generated national data");
    private static readonly Aggregation[] Mix = [Aggregation.Sum, Aggregation.Sum, Aggregation.Sum, Aggregation.PerDay, Aggregation.Average, Aggregation.Last];

    public IReadOnlyList<string> Provinces { get; } = Enumerable.Range(1, options.Provinces).Select(p => $"tinh-{p:D2}").ToList();

    public IReadOnlyList<(string Commune, string Province)> Communes { get; } =
        Enumerable.Range(1, options.Communes).Select(c => ($"xa-{c:D5}", $"tinh-{(c - 1) % options.Provinces + 1:D2}")).ToList();

    public IReadOnlyList<string> Indicators { get; } = Enumerable.Range(1, options.Indicators).Select(i => $"chi-tieu-{i:D3}").ToList();

    public int FirstYear => 2025 - options.Years + 1;

    public IReadOnlyList<Month> Months => Enumerable.Range(0, options.Years * 12).Select(i => new Month(FirstYear, 1).AddMonths(i)).ToList();

    /// <summary>Catalogue and plans: the streams that must exist before any report refers to them.</summary>
    public IEnumerable<StreamAppend> Catalogue()
    {
        yield return Stream(StreamIds.Unit(UnitId.Parse(Root)), new UnitRegistered(UnitId.Parse(Root), "Việt Nam", UnitKind.Province, null, null));
        foreach (var p in Provinces)
            yield return Stream(StreamIds.Unit(UnitId.Parse(p)), new UnitRegistered(UnitId.Parse(p), $"Tỉnh {p}", UnitKind.Province, UnitId.Parse(Root), null));
        foreach (var (c, p) in Communes)
            yield return Stream(StreamIds.Unit(UnitId.Parse(c)), new UnitRegistered(UnitId.Parse(c), $"Xã {c}", UnitKind.Commune, UnitId.Parse(p), null));
        for (var i = 0; i < Indicators.Count; i++)
        {
            var code = IndicatorCode.Parse(Indicators[i]);
            yield return Stream(StreamIds.Indicator(code), new IndicatorDefined(code, $"Chỉ tiêu {i + 1}", "đơn vị", Mix[i % Mix.Length], Direction.HigherIsBetter, null));
        }
        for (var year = FirstYear; year < FirstYear + options.Years; year++)
            foreach (var unit in Provinces.Prepend(Root))
                yield return Stream(StreamIds.Plan(UnitId.Parse(unit), year), new AnnualTargetsSet(UnitId.Parse(unit), year,
                    Indicators.Select(code => new TargetLine(IndicatorCode.Parse(code), 1_000m)).ToList(), $"QĐ {year}", "benchmark", null));
    }

    public IEnumerable<StreamAppend> Reports()
    {
        var random = new Random(2022);
        foreach (var month in Months)
            foreach (var (commune, _) in Communes)
            {
                var unit = UnitId.Parse(commune);
                var values = Indicators.Select(code => new FigureValue(IndicatorCode.Parse(code), Math.Round((decimal)random.NextDouble() * 100m, 3))).ToList();
                var submitted = new DateTimeOffset(month.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3);
                yield return Stream(StreamIds.Report(unit, month),
                    new ReportSubmitted(unit, month, values, null, submitted, true, month.End.AddDays(5)));
            }
    }

    private static StreamAppend Stream(string id, object @event) =>
        new(id, ExpectedVersion.NoStream, [EventSerializer.ToNew(@event, Metadata)]);
}
