using System.Text.Json;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Targets;
using GovReport.Projections.Figures;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Projections.Queries.Performance;

/// <summary>
/// A unit's comparisons for a period and view. Live answers read the rolled-up effective
/// figures; "as of" answers rebuild the roll-up from the official figure versions valid then.
/// </summary>
public sealed class PerformanceQuery(NpgsqlDataSource dataSource, CatalogueReader catalogue)
{
    public async Task<PerformanceReport> RunAsync(
        UnitId unit, Month month, PerformanceView view, DateTimeOffset? asOf, IndicatorCode? only, CancellationToken ct = default,
        PlanBaseline baseline = PlanBaseline.Assigned)
    {
        var months = PerformanceViews.Months(view, month);
        var wanted = months.Concat(months.Select(m => m.SameMonthLastYear)).Select(m => m.ToString()).ToArray();
        IReadOnlyList<Indicator> all;
        IReadOnlyDictionary<(string, Month), decimal> figures;
        PlanInForce? plan;
        IReadOnlyList<Restructuring>? named = null;
        if (asOf is null)
        {
            (all, figures, plan, named) = await LiveAsync(unit.Value, month, only, wanted, baseline, ct);
        }
        else
        {
            all = await catalogue.IndicatorsAsync(ct);
            figures = await FiguresAsOfAsync(unit.Value, Selected(all, only), wanted, asOf.Value, ct);
            plan = await PlanInForceAsync(unit.Value, month, asOf, baseline, ct);
        }
        var indicators = Selected(all, only);
        IReadOnlyDictionary<(string, Month), FigureNote>? notes = null;
        // Live, the walk reads its first predecessors' figures and plans beside their restructurings.
        var ahead = asOf is null && named is { Count: > 0 }
            ? new PredecessorReads(wanted, indicators.Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal), month, baseline) : null;
        var lineage = named is { Count: 0 } ? Lineage.Empty : await LineageOfAsync(unit.Value, asOf, named, ct, ahead);
        if (!lineage.IsEmpty && asOf is null)
        {
            (figures, notes, plan) = await ThroughLineageLiveAsync(unit.Value, month, figures, plan, all, indicators, wanted, lineage, baseline, ahead, ct);
        }
        else if (!lineage.IsEmpty)
        {
            (figures, notes) = await ThroughLineageAsync(unit.Value, figures, indicators, wanted, asOf, lineage, ct);
            plan ??= DerivedPlan(unit.Value, Succession(unit.Value, month, lineage) is { } succession
                ? (succession, (await PredecessorReadsAsync([], wanted, [], Names(succession.Predecessors), month, asOf, baseline, ct)).Plans) : null, all);
        }
        var (from, to) = PerformanceViews.Range(view, month);
        return new PerformanceReport(unit.Value, month.ToString(), view.ToApiString(), from.ToString(), to.ToString(),
            PerformanceViews.Label(view, month), asOf, PerformanceCalculator.Rows(Shown(all, only), figures, plan, month, view, all, notes));
    }

    /// <summary>
    /// One indicator month by month: for each month, the figure and the same month last year
    /// exactly as <see cref="RunAsync"/> with the month view gives them (lineage and ratios
    /// alike), from one read of all the months instead of one comparison per month. No plan is
    /// read: neither figure depends on it.
    /// </summary>
    public async Task<IReadOnlyList<MonthFigures>> MonthByMonthAsync(
        UnitId unit, IReadOnlyList<Month> months, DateTimeOffset? asOf, IndicatorCode indicator, CancellationToken ct = default)
    {
        var wanted = Wanted(months);
        IReadOnlyList<Indicator> all;
        IReadOnlyDictionary<(string, Month), decimal> figures;
        IReadOnlyList<Restructuring>? named = null;
        if (asOf is null) (all, figures, named) = await LiveFiguresOnlyAsync(unit.Value, indicator, wanted, ct);
        else
        {
            all = await catalogue.IndicatorsAsync(ct);
            figures = await FiguresAsOfAsync(unit.Value, Selected(all, indicator), wanted, asOf.Value, ct);
        }
        var lineage = named is { Count: 0 } ? Lineage.Empty : await LineageOfAsync(unit.Value, asOf, named, ct);
        IReadOnlyDictionary<(string, Month), FigureNote>? notes = null;
        if (!lineage.IsEmpty) (figures, notes) = await ThroughLineageAsync(unit.Value, figures, Selected(all, indicator), wanted, asOf, lineage, ct);
        return EachMonth(all, indicator, figures, notes, months);
    }

    /// <summary>A block's indicator month by month, as <see cref="RunForBlockAsync"/> with the month view gives each month, from one read.</summary>
    public async Task<IReadOnlyList<MonthFigures>> BlockMonthByMonthAsync(
        string block, IReadOnlyList<Month> months, DateTimeOffset? asOf, IndicatorCode indicator, CancellationToken ct = default)
    {
        var all = await catalogue.IndicatorsAsync(ct);
        var (figures, notes) = await BlockFiguresAsync(block, Selected(all, indicator), Wanted(months), asOf, ct);
        return EachMonth(all, indicator, figures, notes, months);
    }

    private static string[] Wanted(IReadOnlyList<Month> months) =>
        months.Concat(months.Select(m => m.SameMonthLastYear)).Distinct().Select(m => m.ToString()).ToArray();

    private static IReadOnlyList<MonthFigures> EachMonth(
        IReadOnlyList<Indicator> all, IndicatorCode indicator, IReadOnlyDictionary<(string, Month), decimal> figures,
        IReadOnlyDictionary<(string, Month), FigureNote>? notes, IReadOnlyList<Month> months) =>
        months.Select(m => PerformanceCalculator.Rows(Shown(all, indicator), figures, plan: null, m, PerformanceView.Month, all, notes).FirstOrDefault() is { } row
            ? new MonthFigures(m, row.Actual, row.SamePeriodLastYear)
            : new MonthFigures(m, null, null)).ToList();

    /// <summary>A successor's months before its restructuring are its predecessors' figures.</summary>
    private async Task<(IReadOnlyDictionary<(string, Month), decimal>, IReadOnlyDictionary<(string, Month), FigureNote>?)> ThroughLineageAsync(
        string unit, IReadOnlyDictionary<(string, Month), decimal> figures, IReadOnlyList<Indicator> indicators, string[] wanted,
        DateTimeOffset? asOf, Lineage lineage, CancellationToken ct)
    {
        var monthList = wanted.Select(Month.Parse).ToList();
        var others = LineageFigures.OtherSources(unit, monthList, lineage);
        if (others.Count == 0) return (figures, null);
        var codes = indicators.Select(i => i.Code.Value).ToArray();
        var sources = new Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>>(StringComparer.Ordinal) { [unit] = figures };
        if (asOf is null)
        {
            // Every predecessor's figures in one round trip: a merged commune has three or four.
            var (live, _) = await PredecessorReadsAsync(others, wanted, codes.ToHashSet(StringComparer.Ordinal), [], default, null, default, ct);
            foreach (var other in others) sources[other] = live[other];
        }
        else
        {
            foreach (var other in others) sources[other] = await FiguresAsOfAsync(other, indicators, wanted, asOf.Value, ct);
        }
        return LineageFigures.Combine(unit, indicators, monthList, lineage, sources);
    }

    /// <summary>
    /// The restructurings that concern the unit's history (recorded by the instant and not reverted
    /// then): those naming it, and through its predecessors theirs, as far back as they go.
    /// <paramref name="named"/>: those naming the unit, when a live batch already read them
    /// (<see cref="LineageSql"/>), saving the first round trip.
    /// </summary>
    /// <param name="ahead">
    /// Live only: the first generation of predecessors is asked for with their figures and plans
    /// (<see cref="PredecessorReads"/>) in the same round trip, kept there for the caller.
    /// </param>
    private async Task<Lineage> LineageOfAsync(
        string unit, DateTimeOffset? asOf, IReadOnlyList<Restructuring>? named, CancellationToken ct, PredecessorReads? ahead = null)
    {
        var found = new Dictionary<string, Restructuring>(StringComparer.Ordinal);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<string> { unit };
        for (var depth = 0; frontier.Count > 0 && depth < 32; depth++)
        {
            asked.UnionWith(frontier);
            var rows = depth == 0 && named is not null ? named : await RestructuringsNamingAsync(frontier, asOf, ct, depth == 1 ? ahead : null);
            var next = new List<string>();
            foreach (var r in rows)
            {
                if (!found.TryAdd(r.Id, r) || !r.Kind.Retires() || !r.Successors.Any(s => asked.Contains(s.Unit.Value))) continue;
                next.AddRange(r.Predecessors.Select(p => p.Value).Where(p => !asked.Contains(p)));
            }
            frontier = next.Distinct().ToList();
        }
        return found.Count == 0 ? Lineage.Empty : new Lineage(found.Values.OrderBy(r => r.EffectiveMonth));
    }

    /// <summary>Restructurings naming any of the units (<see cref="LineageSql"/>).</summary>
    /// <param name="ahead">When given: the units' figures and plans too, in the same round trip, kept in it.</param>
    private async Task<IReadOnlyList<Restructuring>> RestructuringsNamingAsync(
        IReadOnlyList<string> units, DateTimeOffset? asOf, CancellationToken ct, PredecessorReads? ahead = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(LineageSql) { Parameters = { new() { Value = units.ToArray() }, PlanAsOf(asOf) } } },
        };
        ahead?.AddTo(batch, units);
        // A successor's lineage asks this once per generation: prepared like the live batches.
        await using var reader = await ExecutePreparedAsync(batch, ct);
        var rows = await ReadRestructuringsAsync(reader, ct);
        if (ahead is not null)
        {
            await reader.NextResultAsync(ct);
            await ahead.ReadAsync(reader, ct);
        }
        return rows;
    }

    private static async Task<IReadOnlyList<Restructuring>> ReadRestructuringsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var rows = new List<Restructuring>();
        while (await reader.ReadAsync(ct)) rows.Add(Figures.RestructuringRows.Parse(reader.GetString(0)));
        return rows;
    }

    /// <summary>
    /// Restructurings naming any of some units, recorded by the instant and not reverted then
    /// (live: not reverted). Parameters: units, as of (null for now).
    /// </summary>
    private const string LineageSql = """
        SELECT body::text FROM rm.restructurings WHERE units && $1
          AND ($2::timestamptz IS NULL AND reverted_at IS NULL
               OR recorded_at <= $2::timestamptz AND (reverted_at IS NULL OR reverted_at > $2::timestamptz))
        """;

    /// <summary>
    /// A live successor's months before its restructuring and, when it has no plan of its own for
    /// the year, its derived plan: the predecessors' figures and plans in one round trip.
    /// </summary>
    private async Task<(IReadOnlyDictionary<(string, Month), decimal>, IReadOnlyDictionary<(string, Month), FigureNote>?, PlanInForce?)> ThroughLineageLiveAsync(
        string unit, Month month, IReadOnlyDictionary<(string, Month), decimal> figures, PlanInForce? plan, IReadOnlyList<Indicator> all,
        IReadOnlyList<Indicator> indicators, string[] wanted, Lineage lineage, PlanBaseline baseline, PredecessorReads? ahead, CancellationToken ct)
    {
        var monthList = wanted.Select(Month.Parse).ToList();
        var others = LineageFigures.OtherSources(unit, monthList, lineage);
        var succession = plan is null ? Succession(unit, month, lineage) : null;
        var planners = succession is null ? [] : Names(succession.Predecessors);
        if (others.Count == 0 && planners.Count == 0) return (figures, null, plan);

        var codes = indicators.Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal);
        // Usually the lineage walk read them already (the direct predecessors); deeper history is read now.
        var (sources, plans) = ahead is not null && ahead.Covers(others) && ahead.Covers(planners)
            ? (others.ToDictionary(u => u, u => ahead.Figures[u], StringComparer.Ordinal), planners.Select(u => ahead.Plans[u]).ToList())
            : await PredecessorReadsAsync(others, wanted, codes, planners, month, null, baseline, ct);
        sources[unit] = figures;
        var derived = plan ?? DerivedPlan(unit, succession is null ? null : (succession, plans), all);
        if (others.Count == 0) return (figures, null, derived);
        var (combined, notes) = LineageFigures.Combine(unit, indicators, monthList, lineage, sources);
        return (combined, notes, derived);
    }

    /// <summary>The restructuring that brought the unit into being in the month's year, if any.</summary>
    private static Restructuring? Succession(string unit, Month month, Lineage lineage) =>
        lineage.SuccessionsOf(unit).FirstOrDefault(r => r.EffectiveMonth.Year == month.Year);

    private static List<string> Names(IEnumerable<UnitId> units) => units.Select(u => u.Value).ToList();

    /// <summary>
    /// A successor with no plan of its own for a year it came into being: its predecessors' plans
    /// for the year (in the succession's order, null where one had none), combined
    /// (<see cref="DerivedTargets"/>) and marked derived.
    /// </summary>
    private static PlanInForce? DerivedPlan(
        string unit, (Restructuring Succession, IReadOnlyList<PlanInForce?> Plans)? found, IReadOnlyList<Indicator> indicators)
    {
        if (found is not { } f) return null;
        var succession = f.Succession;
        var share = succession.Successors.First(s => s.Unit.Value == unit).Share;
        var parts = new List<(IReadOnlyList<TargetLine>, decimal)>();
        foreach (var theirs in f.Plans)
            if (theirs is not null) parts.Add((theirs.Revision.Targets, share));
        if (parts.Count == 0) return null;
        var aggregations = indicators.ToDictionary(i => i.Code, i => i.Aggregation);
        var targets = DerivedTargets.Combine(parts, aggregations);
        var revision = new PlanRevision(0, targets, succession.Decision, "derived from the predecessors' plans", null, null);
        return new PlanInForce(revision, succession.EffectiveMonth.Start.ToDateTime(TimeOnly.MinValue).ToUniversalTime()) { Derived = true };
    }

    /// <summary>
    /// A block's comparisons: its top members' effective figures combined across units. Live, the
    /// members are today's; as of an instant, those the catalogue had then (units change blocks).
    /// A block has no plan.
    /// </summary>
    public async Task<PerformanceReport> RunForBlockAsync(
        string block, Month month, PerformanceView view, DateTimeOffset? asOf, IndicatorCode? only, CancellationToken ct = default)
    {
        var all = await catalogue.IndicatorsAsync(ct);
        var indicators = Selected(all, only);
        var months = PerformanceViews.Months(view, month);
        var wanted = months.Concat(months.Select(m => m.SameMonthLastYear)).Select(m => m.ToString()).ToArray();
        var (figures, notes) = await BlockFiguresAsync(block, indicators, wanted, asOf, ct);
        var (from, to) = PerformanceViews.Range(view, month);
        return new PerformanceReport(block, month.ToString(), view.ToApiString(), from.ToString(), to.ToString(),
            PerformanceViews.Label(view, month), asOf, PerformanceCalculator.Rows(Shown(all, only), figures, plan: null, month, view, all, notes));
    }

    /// <summary>A block's figures for the months wanted: its counted members' effective figures, each through its lineage, combined.</summary>
    private async Task<(IReadOnlyDictionary<(string, Month), decimal>, Dictionary<(string, Month), FigureNote>)> BlockFiguresAsync(
        string block, IReadOnlyList<Indicator> indicators, string[] wanted, DateTimeOffset? asOf, CancellationToken ct)
    {
        var codes = indicators.Select(i => i.Code.Value).ToArray();
        var perMember = new List<IReadOnlyDictionary<(string, Month), decimal>>();
        var top = asOf is { } instant
            ? BlockFigures.TopMembers(await UnitsAsOfAsync(instant, ct), block)
            : BlockFigures.TopMembers(await catalogue.UnitsAsync(ct), block);
        // Each member brings its history across restructurings; a predecessor whose successor is
        // also a member is already inside the successor's figures, so it is not counted again.
        var lineages = new Dictionary<string, Lineage>(StringComparer.Ordinal);
        foreach (var member in top) lineages[member] = await LineageOfAsync(member, asOf, null, ct);
        var members = BlockFigures.CountedMembers(top, lineages);
        var notes = new Dictionary<(string, Month), FigureNote>();
        foreach (var member in members)
        {
            IReadOnlyDictionary<(string, Month), decimal> own = asOf is null
                ? (await PredecessorReadsAsync([member], wanted, codes.ToHashSet(StringComparer.Ordinal), [], default, null, default, ct)).Figures[member]
                : await FiguresAsOfAsync(member, indicators, wanted, asOf.Value, ct);
            if (!lineages[member].IsEmpty)
            {
                var (through, theirNotes) = await ThroughLineageAsync(member, own, indicators, wanted, asOf, lineages[member], ct);
                own = through;
                foreach (var (key, note) in theirNotes ?? new Dictionary<(string, Month), FigureNote>())
                    notes[key] = notes.TryGetValue(key, out var seen)
                        ? new FigureNote(seen.Estimated || note.Estimated, seen.NotComparable || note.NotComparable)
                        : note;
            }
            perMember.Add(own);
        }
        return (BlockFigures.Aggregate(indicators, perMember), notes);
    }

    /// <summary>The indicators whose figures are read: those shown, and the parts of the ratios among them.</summary>
    private static IReadOnlyList<Indicator> Selected(IReadOnlyList<Indicator> all, IndicatorCode? only)
    {
        var shown = Shown(all, only);
        var parts = RatioRules.PartsOf(shown).ToHashSet();
        return all.Where(i => shown.Contains(i) || parts.Contains(i.Code)).ToList();
    }

    /// <summary>The rows asked for: one indicator, or the whole catalogue.</summary>
    private static IReadOnlyList<Indicator> Shown(IReadOnlyList<Indicator> all, IndicatorCode? only) =>
        only is null ? all : all.Where(i => i.Code == only).ToList();

    private async Task<IReadOnlyList<(string Id, string? ParentId, string? Block)>> UnitsAsOfAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (_, units) = await UnitTreeHistory.AsOfAsync(new ProjectionContext(connection, transaction, ReadModelSchema.Live), asOf, ct: ct);
        return units.Values.Select(u => (u.Id, u.ParentId, u.Block)).ToList();
    }

    /// <summary>
    /// A live answer's catalogue, figures and plan, asked for in one round trip: none of the
    /// three statements needs another's answer.
    /// </summary>
    private async Task<(IReadOnlyList<Indicator>, IReadOnlyDictionary<(string, Month), decimal>, PlanInForce?, IReadOnlyList<Restructuring>)> LiveAsync(
        string unit, Month month, IndicatorCode? only, string[] months, PlanBaseline baseline, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                catalogue.IndicatorsCommand(),
                UnitsFiguresCommand([unit], months),
                UnitsPlansCommand([unit], month, null, baseline),
                new NpgsqlBatchCommand(LineageSql) { Parameters = { new() { Value = new[] { unit } }, PlanAsOf(null) } },
            },
        };
        await using var reader = await ExecutePreparedAsync(batch, ct);
        var all = await catalogue.ReadIndicatorsAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var figures = (await ReadUnitsFiguresAsync(reader, [unit], Selected(all, only).Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal), months.Length, ct))[unit];
        await reader.NextResultAsync(ct);
        var plan = (await ReadUnitsPlansAsync(reader, [unit], month, ct))[0];
        await reader.NextResultAsync(ct);
        return (all, figures, plan, await ReadRestructuringsAsync(reader, ct));
    }

    /// <summary>The live catalogue, figures and whether a restructuring names the unit, in one round trip: <see cref="LiveAsync"/> without the plan.</summary>
    private async Task<(IReadOnlyList<Indicator>, IReadOnlyDictionary<(string, Month), decimal>, IReadOnlyList<Restructuring>)> LiveFiguresOnlyAsync(
        string unit, IndicatorCode only, string[] months, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                catalogue.IndicatorsCommand(),
                UnitsFiguresCommand([unit], months),
                new NpgsqlBatchCommand(LineageSql) { Parameters = { new() { Value = new[] { unit } }, PlanAsOf(null) } },
            },
        };
        await using var reader = await ExecutePreparedAsync(batch, ct);
        var all = await catalogue.ReadIndicatorsAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var figures = (await ReadUnitsFiguresAsync(reader, [unit], Selected(all, only).Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal), months.Length, ct))[unit];
        await reader.NextResultAsync(ct);
        return (all, figures, await ReadRestructuringsAsync(reader, ct));
    }

    /// <summary>
    /// Some units' live figures (as <see cref="UnitsFiguresSql"/> gives them, for
    /// <paramref name="codes"/>) and other units' plans in force for the month (in their order,
    /// null: none; as of an instant or now), all in one round trip of two statements whatever
    /// the number of units: what a successor needs of its predecessors.
    /// </summary>
    private async Task<(Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>> Figures, IReadOnlyList<PlanInForce?> Plans)> PredecessorReadsAsync(
        IReadOnlyList<string> figuresOf, string[] months, HashSet<string> codes,
        IReadOnlyList<string> plansOf, Month month, DateTimeOffset? plansAsOf, PlanBaseline baseline, CancellationToken ct)
    {
        var figures = new Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>>(StringComparer.Ordinal);
        var plans = new List<PlanInForce?>();
        if (figuresOf.Count + plansOf.Count == 0) return (figures, plans);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        if (figuresOf.Count > 0) batch.BatchCommands.Add(UnitsFiguresCommand(figuresOf, months));
        if (plansOf.Count > 0) batch.BatchCommands.Add(UnitsPlansCommand(plansOf, month, plansAsOf, baseline));
        await using var reader = await ExecutePreparedAsync(batch, ct);
        if (figuresOf.Count > 0)
        {
            foreach (var (unit, theirs) in await ReadUnitsFiguresAsync(reader, figuresOf, codes, months.Length, ct)) figures[unit] = theirs;
            if (plansOf.Count > 0) await reader.NextResultAsync(ct);
        }
        if (plansOf.Count > 0) plans.AddRange(await ReadUnitsPlansAsync(reader, plansOf, month, ct));
        return (figures, plans);
    }

    private static NpgsqlBatchCommand UnitsFiguresCommand(IReadOnlyList<string> units, string[] months) =>
        new(UnitsFiguresSql) { Parameters = { new() { Value = units.ToArray() }, new() { Value = months } } };

    private static NpgsqlBatchCommand UnitsPlansCommand(IReadOnlyList<string> units, Month month, DateTimeOffset? asOf, PlanBaseline baseline) =>
        new(UnitsPlansSql)
        {
            Parameters = { new() { Value = units.ToArray() }, new() { Value = month.Year }, PlanAsOf(asOf), new() { Value = baseline.ToApiString() } },
        };

    /// <summary>Each unit's figures (empty where it has none), from <see cref="UnitsFiguresSql"/>'s result.</summary>
    private static async Task<Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>>> ReadUnitsFiguresAsync(
        NpgsqlDataReader reader, IReadOnlyList<string> units, HashSet<string> codes, int months, CancellationToken ct)
    {
        var byUnit = units.Distinct().ToDictionary(u => u, _ => new Dictionary<(string, Month), decimal>(codes.Count * months), StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) ReadFiguresInto(reader, 2, Month.Parse(reader.GetString(1)), codes, byUnit[reader.GetString(0)]);
        return byUnit.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<(string, Month), decimal>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Each unit's plan in force for the month (in the units' order, null: none), from <see cref="UnitsPlansSql"/>'s result.</summary>
    private static async Task<List<PlanInForce?>> ReadUnitsPlansAsync(NpgsqlDataReader reader, IReadOnlyList<string> units, Month month, CancellationToken ct)
    {
        var revisions = new Dictionary<string, List<PlanRevision>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var unit = reader.GetString(0);
            if (!revisions.TryGetValue(unit, out var theirs)) revisions[unit] = theirs = [];
            theirs.Add(ReadPlanRevision(reader, 1));
        }
        return units.Select(u => InForce(u, month, revisions.GetValueOrDefault(u) ?? [])).ToList();
    }

    /// <summary>
    /// A live successor's first generation of predecessors read ahead: their figures (for the
    /// months and indicators of the answer) and plans in force (for its month and baseline),
    /// asked for beside their restructurings (<see cref="RestructuringsNamingAsync"/>), so the
    /// usual successor takes two round trips, not three. Months after a predecessor's retirement
    /// have no figures of its, so reading them when the answer turns out not to need them is cheap.
    /// </summary>
    private sealed class PredecessorReads(string[] months, HashSet<string> codes, Month month, PlanBaseline baseline)
    {
        public Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>> Figures { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, PlanInForce?> Plans { get; } = new(StringComparer.Ordinal);
        private IReadOnlyList<string> _units = [];

        public bool Covers(IEnumerable<string> units) => units.All(u => Figures.ContainsKey(u) && Plans.ContainsKey(u));

        public void AddTo(NpgsqlBatch batch, IReadOnlyList<string> units)
        {
            _units = units;
            batch.BatchCommands.Add(UnitsFiguresCommand(units, months));
            batch.BatchCommands.Add(UnitsPlansCommand(units, month, null, baseline));
        }

        /// <summary>The reader at the first of the two results <see cref="AddTo"/> asked for.</summary>
        public async Task ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
        {
            foreach (var (unit, theirs) in await ReadUnitsFiguresAsync(reader, _units, codes, months.Length, ct)) Figures[unit] = theirs;
            await reader.NextResultAsync(ct);
            var plans = await ReadUnitsPlansAsync(reader, _units, month, ct);
            for (var i = 0; i < _units.Count; i++) Plans[_units[i]] = plans[i];
        }
    }

    /// <summary>
    /// Units' live figures for some months, each row naming its unit. A unit with children in a
    /// month reads its rollup; a unit without, its official figures. The rollup exists exactly for
    /// the months the unit had children in (restructurings change that from month to month), so
    /// its presence decides. One unit or several, the rule has this one home. Parameters: units, months.
    /// </summary>
    private const string UnitsFiguresSql = """
        SELECT unit_id, month, figures::text FROM rm.rollups WHERE unit_id = ANY($1) AND month = ANY($2)
        UNION ALL
        SELECT o.unit_id, o.month, o.stored_figures::text FROM rm.official_figure_sets o WHERE o.unit_id = ANY($1) AND o.month = ANY($2) AND o.valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM rm.rollups r WHERE r.unit_id = o.unit_id AND r.month = o.month)
        """;

    /// <summary>Units' plan revisions for a year, each row naming its unit. Parameters: units, year, as of (null for now), plan baseline.</summary>
    private const string UnitsPlansSql = """
        SELECT unit_id, revision, decision, reason, set_by, set_at, targets::text FROM rm.plan_revisions
        WHERE unit_id = ANY($1) AND year = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz) AND plan = $4
        ORDER BY unit_id, revision
        """;

    /// <summary>
    /// Runs a live read's batch prepared: the first time on a physical connection its statements
    /// are parsed and planned once, and the pool keeps them, so later requests skip both (the
    /// figures' view joins the event log; planning it was a good part of a commune's answer).
    /// Preparing what is already prepared on the connection costs no round trip.
    /// </summary>
    private static async Task<NpgsqlDataReader> ExecutePreparedAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        await batch.PrepareAsync(ct);
        return await batch.ExecuteReaderAsync(ct);
    }

    /// <summary>
    /// A column of one month's figures as text, parsed from its UTF-8 bytes into
    /// <paramref name="into"/> (the indicators wanted): a commune's sixteen months are some 80 KB,
    /// which as strings were twice that in UTF-16, again in UTF-8 to parse, and a dictionary each.
    /// </summary>
    private static void ReadFiguresInto(
        NpgsqlDataReader reader, int column, Month month, HashSet<string> wanted, Dictionary<(string, Month), decimal> into)
    {
        using var stream = reader.GetStream(column);
        var length = (int)stream.Length;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            stream.ReadExactly(buffer, 0, length);
            FigureJson.ParseInto(buffer.AsSpan(0, length), (month, wanted, into), static (s, indicator, value) =>
            {
                if (s.wanted.Contains(indicator)) s.into[(indicator, s.month)] = value;
            });
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The official figures valid at the instant, for the unit and everything under it as the
    /// tree stood then, rolled up by the same function the live projection uses.
    /// </summary>
    private async Task<Dictionary<(string, Month), decimal>> FiguresAsOfAsync(
        string unit, IReadOnlyList<Indicator> indicators, string[] months, DateTimeOffset asOf, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var context = new ProjectionContext(connection, transaction, ReadModelSchema.Live);
        var (tree, _) = await UnitTreeHistory.AsOfAsync(context, asOf, unit, ct);
        await using var command = context.Command("""
            SELECT unit_id, month, stored_figures::text FROM {0}.official_figure_sets
            WHERE unit_id = ANY(@units) AND month = ANY(@months)
              AND valid_from <= @asOf AND (valid_to IS NULL OR valid_to > @asOf)
            """);
        command.Parameters.AddWithValue("units", months.SelectMany(m => tree.ForMonth(m).SubtreeOf(unit)).Distinct().ToArray());
        command.Parameters.AddWithValue("months", months);
        command.Parameters.AddWithValue("asOf", asOf.ToUniversalTime());
        var own = new Dictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) own[(reader.GetString(0), reader.GetString(1))] = FigureJson.Parse(reader.GetString(2));

        var wanted = indicators.Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal);
        var figures = new Dictionary<(string, Month), decimal>();
        foreach (var month in months)
            foreach (var (indicator, value) in EffectiveAt(unit, month, tree, own, []))
                if (wanted.Contains(indicator)) figures[(indicator, Month.Parse(month))] = value;
        return figures;
    }

    private static IReadOnlyDictionary<string, decimal> EffectiveAt(string unit, string month, UnitTreeSnapshot tree,
        Dictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>> own, HashSet<string> visiting)
    {
        var children = tree.ForMonth(month).ChildrenOf(unit);
        var mine = own.GetValueOrDefault((unit, month));
        // A corrupt tree with a loop must end the walk, not the request.
        if (children.Count == 0 || !visiting.Add(unit)) return mine ?? new Dictionary<string, decimal>();
        var effective = Rollup.Effective(mine, children.Select(c => EffectiveAt(c, month, tree, own, visiting)), tree.Aggregations);
        visiting.Remove(unit);
        return effective;
    }

    /// <summary>The revision in force for the month (<see cref="AnnualPlan.InForceFor"/>) among those recorded by the instant.</summary>
    private async Task<PlanInForce?> PlanInForceAsync(string unit, Month month, DateTimeOffset? asOf, PlanBaseline baseline, CancellationToken ct) =>
        (await PredecessorReadsAsync([], [], [], [unit], month, asOf, baseline, ct)).Plans[0];

    private static NpgsqlParameter PlanAsOf(DateTimeOffset? asOf) =>
        new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = (object?)asOf?.ToUniversalTime() ?? DBNull.Value };

    /// <summary>A plan revision of <see cref="UnitsPlansSql"/>'s columns, starting at column <paramref name="at"/>.</summary>
    private static PlanRevision ReadPlanRevision(NpgsqlDataReader reader, int at)
    {
        var targets = JsonSerializer.Deserialize<List<TargetLine>>(reader.GetString(at + 5), EventSerializer.Options)!;
        return new PlanRevision(reader.GetInt32(at), targets, reader.IsDBNull(at + 1) ? null : reader.GetString(at + 1),
            reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2), reader.GetString(at + 3), reader.GetFieldValue<DateTimeOffset>(at + 4));
    }

    private static PlanInForce? InForce(string unit, Month month, List<PlanRevision> revisions)
    {
        if (revisions.Count == 0) return null;
        // Only the rows are read here: which revision holds the month is the domain's rule.
        var revision = new AnnualPlan(new UnitId(unit), month.Year, revisions).InForceFor(month);
        return new PlanInForce(revision, revision.At!.Value);
    }
}
