using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.Domain.Restructurings;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Figures;

/// <summary>
/// The asynchronous figure models: official figure versions and the effective figures rolled up
/// the unit tree. Fed a page of the log at a time by the daemon (or a rebuild).
/// </summary>
public static class FigureProjection
{
    public const string SubscriptionName = "figures";

    public static Task ApplyPageAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> page) =>
        ApplyPageAsync(context, EventSerializer.Decode(page));

    // What this projector folds; a body of one of these it cannot read is a poison event, not a skip.
    private static readonly HashSet<string> Folded = new(
        new[] { typeof(ReportSubmitted), typeof(FiguresCorrected), typeof(ReportReturned), typeof(UnitMoved), typeof(UnitRegistered), typeof(IndicatorRevised),
                typeof(UnitsMerged), typeof(UnitSplit), typeof(UnitTransferred), typeof(UnitDissolved), typeof(RestructuringReverted) }
            .Select(Domain.EventTypes.NameOf), StringComparer.Ordinal);

    public static async Task ApplyPageAsync(ProjectionContext context, IReadOnlyList<DecodedEvent> page)
    {
        foreach (var decoded in page)
            if (decoded.Unreadable is { } why && Folded.Contains(decoded.Recorded.Type))
                throw new Poison.UnreadableEventException(decoded.Recorded, why);
        var reports = new List<(RecordedEvent, ReportEvent)>();
        var structural = new List<object>();
        foreach (var (recorded, @event) in page)
        {
            switch (@event)
            {
                case ReportEvent report when report is ReportSubmitted or FiguresCorrected or ReportReturned:
                    reports.Add((recorded, report));
                    break;
                case UnitMoved or UnitRegistered or IndicatorRevised:
                    structural.Add(@event!);
                    break;
                case RestructuringEvent and not UnitRenamedByDecision:
                    structural.Add(@event);
                    break;
            }
        }
        if (context.Replay is { } replay)
        {
            foreach (var (_, report) in reports) replay.Touch(report.Month.ToString());
            if (page.Any(e => e.Event is UnitEvent or IndicatorEvent or RestructuringEvent)) replay.Tree = null;
        }
        var official = await OfficialFigures.ApplyAsync(context, reports);
        var changed = official.Keys.ToHashSet();
        if (structural.Count > 0) changed.UnionWith(await AffectedByStructureAsync(context, structural));
        if (changed.Count == 0) return;
        var tree = await TreeAsync(context);
        await Rollups.RecomputeAsync(context, tree, changed, official);
    }

    /// <summary>The tree after this page; a replay keeps it from page to page while the catalogue stands still.</summary>
    private static async Task<UnitTreeSnapshot> TreeAsync(ProjectionContext context) =>
        context.Replay is { } replay
            ? replay.Tree ??= await UnitTreeSnapshot.LoadAsync(context)
            : await UnitTreeSnapshot.LoadAsync(context);

    /// <summary>
    /// Structure changes move figures between roll-ups: a unit that moves takes its months from
    /// its old ancestors to its new ones; a unit registered under a parent makes that parent one
    /// with children; an indicator whose aggregation changes changes every roll-up.
    /// </summary>
    private static async Task<HashSet<(string Unit, string Month)>> AffectedByStructureAsync(ProjectionContext context, List<object> changes)
    {
        // Whose months to recompute, and for a moved unit, which old parent loses them too.
        var units = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change)
            {
                case UnitMoved m:
                    units[m.Id.Value] = m.PreviousParentId?.Value;
                    // An old parent left without children keeps no roll-ups: revisit all of its months.
                    if (m.PreviousParentId is { } previous) units.TryAdd(previous.Value, null);
                    break;
                case UnitRegistered { ParentId: { } parent }: units.TryAdd(parent.Value, null); break;
                // A restructuring changes the months from its effective month on of every unit it
                // names (and, through the tree of those months, their ancestors); a moved unit's
                // old parent loses them as a plain move's does.
                case UnitTransferred t:
                    units[t.Unit.Value] = t.PreviousParentId?.Value;
                    if (t.PreviousParentId is { } old) units.TryAdd(old.Value, null);
                    if (t.ParentId is { } now) units.TryAdd(now.Value, null);
                    break;
                case RestructuringReverted r:
                    foreach (var unit in r.Units) units.TryAdd(unit.Value, null);
                    break;
                case RestructuringEvent e when RestructuringEvents.Recorded(e) is { } r:
                    foreach (var unit in r.Units) units.TryAdd(unit.Value, null);
                    break;
            }
        }
        var everyRollup = changes.Any(c => c is IndicatorRevised);
        await using var command = context.Command("""
            SELECT DISTINCT unit_id, month FROM {0}.official_figures WHERE unit_id = ANY(@ids) AND valid_to IS NULL
            UNION SELECT unit_id, month FROM {0}.rollups WHERE unit_id = ANY(@ids) OR @all
            """);
        command.Parameters.AddWithValue("ids", units.Keys.ToArray());
        command.Parameters.AddWithValue("all", everyRollup);
        var affected = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (unit, month) = (reader.GetString(0), reader.GetString(1));
            affected.Add((unit, month));
            if (units.GetValueOrDefault(unit) is { } previousParent) affected.Add((previousParent, month));
        }
        return affected;
    }
}
