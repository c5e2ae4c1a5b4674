using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Benchmarks.Reform;

/// <summary>
/// A generated country through the 2025 reform, deterministic for a given size. Before July 2025:
/// provinces, districts in contiguous runs under them, communes in contiguous runs under the
/// districts, each commune filing every month. From July 2025: the first <c>NewProvinces</c>
/// provinces absorb the rest, the districts are dissolved, and every run of about three communes
/// is merged into a new commune directly under its province, which files from then on. The
/// restructurings are judged by <see cref="RestructuringDecider"/>, as the API would judge them.
/// </summary>
public sealed class ReformCountry(ReformOptions options)
{
    public const string Root = "viet-nam";
    public static readonly Month Effective = new(2025, 7);
    private static readonly EventMetadata Metadata = new("benchmark", "benchmark", Reason: "generated reform data");
    private static readonly Aggregation[] Mix = [Aggregation.Sum, Aggregation.Sum, Aggregation.Sum, Aggregation.PerDay, Aggregation.Average, Aggregation.Last];

    public IReadOnlyList<string> Provinces { get; } = Enumerable.Range(1, options.Provinces).Select(p => $"tinh-{p:D2}").ToList();

    public IReadOnlyList<(string District, string Province)> Districts { get; } =
        Enumerable.Range(0, options.Districts).Select(d => ($"huyen-{d + 1:D3}", $"tinh-{d * options.Provinces / options.Districts + 1:D2}")).ToList();

    public IReadOnlyList<(string Commune, string District)> Communes { get; } =
        Enumerable.Range(0, options.Communes).Select(c => ($"xa-{c + 1:D5}", $"huyen-{c * options.Districts / options.Communes + 1:D3}")).ToList();

    /// <summary>The province a province is part of from July 2025: itself for the first ones.</summary>
    public string SurvivorOf(string province)
    {
        var p = int.Parse(province[5..], System.Globalization.CultureInfo.InvariantCulture);
        return p <= options.NewProvinces ? province : $"tinh-{(p - options.NewProvinces - 1) % options.NewProvinces + 1:D2}";
    }

    /// <summary>The provinces that absorbed another: the "new provinces" whose history crosses the boundary.</summary>
    public IReadOnlyList<string> MergedProvinces => Provinces.Where(p => Provinces.Any(q => q != p && SurvivorOf(q) == p)).ToList();

    /// <summary>Each new commune with its predecessors (a contiguous run) and its province.</summary>
    public IReadOnlyList<(string Commune, IReadOnlyList<string> Predecessors, string Province)> NewCommunes { get; } = BuildNewCommunes(options);

    public IReadOnlyList<string> Indicators { get; } = Enumerable.Range(1, options.Indicators).Select(i => $"chi-tieu-{i:D3}").ToList();

    public int FirstYear => 2025 - options.Years + 1;

    public IReadOnlyList<Month> Months => Enumerable.Range(0, options.Years * 12).Select(i => new Month(FirstYear, 1).AddMonths(i)).ToList();

    private static List<(string, IReadOnlyList<string>, string)> BuildNewCommunes(ReformOptions options)
    {
        return Enumerable.Range(0, options.Communes)
            .GroupBy(c => c * options.NewCommunes / options.Communes)
            .Select(g =>
            {
                var first = g.First();
                var district = first * options.Districts / options.Communes;
                var province = district * options.Provinces / options.Districts + 1;
                var survivor = province <= options.NewProvinces ? province : (province - options.NewProvinces - 1) % options.NewProvinces + 1;
                return ($"xa-moi-{g.Key + 1:D4}", (IReadOnlyList<string>)g.Select(c => $"xa-{c + 1:D5}").ToList(), $"tinh-{survivor:D2}");
            })
            .ToList();
    }

    /// <summary>The country before the reform, its catalogue and its plans.</summary>
    public IEnumerable<StreamAppend> Catalogue()
    {
        yield return Unit(Root, "Việt Nam", UnitKind.Province, null);
        foreach (var p in Provinces) yield return Unit(p, $"Tỉnh {p}", UnitKind.Province, Root);
        foreach (var (d, p) in Districts) yield return Unit(d, $"Huyện {d}", UnitKind.District, p);
        foreach (var (c, d) in Communes) yield return Unit(c, $"Xã {c}", UnitKind.Commune, d);
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

    /// <summary>The new communes, registered ahead of the reform, then the restructurings' stream.</summary>
    public IEnumerable<StreamAppend> Reform()
    {
        foreach (var (c, _, p) in NewCommunes) yield return Unit(c, $"Xã mới {c}", UnitKind.Commune, p);
        yield return new StreamAppend(StreamIds.Restructurings, ExpectedVersion.NoStream,
            [.. Restructurings().Select(e => EventSerializer.ToNew(e, Metadata))]);
    }

    /// <summary>Merges of communes and provinces, then the districts dissolved: each judged against what came before it.</summary>
    public IEnumerable<RestructuringEvent> Restructurings()
    {
        var parents = new Dictionary<UnitId, UnitId?> { [UnitId.Parse(Root)] = null };
        foreach (var p in Provinces) parents[UnitId.Parse(p)] = UnitId.Parse(Root);
        foreach (var (d, p) in Districts) parents[UnitId.Parse(d)] = UnitId.Parse(p);
        foreach (var (c, d) in Communes) parents[UnitId.Parse(c)] = UnitId.Parse(d);
        foreach (var (c, _, p) in NewCommunes) parents[UnitId.Parse(c)] = UnitId.Parse(p);
        var facts = new RestructuringFacts(parents.ToDictionary(u => u.Key, u => new UnitFacts(u.Key.Value, u.Value, null)), parents,
            DateOnly.FromDateTime(DateTime.UtcNow));

        var proposals = NewCommunes.Select(n => Merge($"rs-{n.Commune}", "Nghị quyết sắp xếp đơn vị hành chính cấp xã", n.Predecessors, n.Commune))
            .Concat(MergedProvinces.Select(p => Merge($"rs-{p}", "Nghị quyết 202/2025/QH15",
                Provinces.Where(q => q != p && SurvivorOf(q) == p).ToList(), p)))
            .Concat(Districts.Select(d => new Restructuring($"rs-{d.District}", RestructuringKind.Dissolve, Effective,
                "Luật Tổ chức chính quyền địa phương 2025", null, [UnitId.Parse(d.District)], [])));
        var log = RestructuringDecider.Initial;
        foreach (var proposed in proposals)
        {
            var decision = RestructuringDecider.Decide(new RecordRestructuring(proposed, facts), log);
            if (decision.IsError) throw new InvalidOperationException($"{proposed.Id}: {decision.Error!.Message}");
            foreach (var e in decision.Events)
            {
                log = RestructuringDecider.Evolve(log, e);
                yield return e;
            }
        }
    }

    /// <summary>Every report, month by month: the old communes before July 2025, the new ones from it.</summary>
    public IEnumerable<StreamAppend> Reports(bool beforeReform)
    {
        var random = new Random(beforeReform ? 2021 : 2025);
        foreach (var month in Months.Where(m => m < Effective == beforeReform))
            foreach (var commune in beforeReform ? Communes.Select(c => c.Commune) : NewCommunes.Select(n => n.Commune))
            {
                var unit = UnitId.Parse(commune);
                var values = Indicators.Select(code => new FigureValue(IndicatorCode.Parse(code), Math.Round((decimal)random.NextDouble() * 100m, 3))).ToList();
                var submitted = new DateTimeOffset(month.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3);
                yield return Stream(StreamIds.Report(unit, month),
                    new ReportSubmitted(unit, month, values, null, submitted, true, month.End.AddDays(5)));
            }
    }

    private static Restructuring Merge(string id, string decision, IReadOnlyList<string> predecessors, string successor) =>
        new(id, RestructuringKind.Merge, Effective, decision, null,
            [.. predecessors.Select(UnitId.Parse)], [new SuccessorShare(UnitId.Parse(successor), 1m)]);

    private static StreamAppend Unit(string id, string name, UnitKind kind, string? parent) =>
        Stream(StreamIds.Unit(UnitId.Parse(id)), new UnitRegistered(UnitId.Parse(id), name, kind, parent is null ? null : UnitId.Parse(parent), null));

    private static StreamAppend Stream(string id, object @event) =>
        new(id, ExpectedVersion.NoStream, [EventSerializer.ToNew(@event, Metadata)]);
}
