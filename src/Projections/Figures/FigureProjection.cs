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
    /// <remarks>
    /// Only the months a change can reach are revisited. A restructuring (or its revert) shapes
    /// the tree from its effective month on (<see cref="UnitTreeSnapshot.ForMonth(Month)"/>): the
    /// months before it roll up as they did. A unit just registered has no figures yet, so its
    /// parent's roll-up changes only in a month the parent had none, because it had no children:
    /// a month with figures of its own. Revisiting every month of every unit a reform names
    /// re-read and rolled up its whole history, in one page: most of a reform rebuild's time.
    /// </remarks>
    private static async Task<HashSet<(string Unit, string Month)>> AffectedByStructureAsync(ProjectionContext context, List<object> changes)
    {
        // Whose months to recompute, and for a moved unit, which old parent loses them too.
        var units = new Dictionary<string, string?>(StringComparer.Ordinal);
        // From which month ("" for all) its own figures' months, and its roll-ups' (null: none), count.
        var reach = new Dictionary<string, (string Official, string? Rollups)>(StringComparer.Ordinal);
        var revertedMoves = new List<string>();
        void Reach(string unit, string from, bool rollups)
        {
            var (official, rolledUp) = (from, rollups ? from : null);
            if (reach.TryGetValue(unit, out var was))
                (official, rolledUp) = (Earlier(official, was.Official)!, Earlier(rolledUp, was.Rollups));
            reach[unit] = (official, rolledUp);
        }
        static string? Earlier(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
        foreach (var change in changes)
        {
            switch (change)
            {
                case UnitMoved m:
                    units[m.Id.Value] = m.PreviousParentId?.Value;
                    Reach(m.Id.Value, "", true);
                    // An old parent left without children keeps no roll-ups: revisit all of its months.
                    if (m.PreviousParentId is { } previous) Add(previous.Value, "", true);
                    break;
                case UnitRegistered { ParentId: { } parent }: Add(parent.Value, "", false); break;
                // A restructuring changes the months from its effective month on of every unit it
                // names (and, through the tree of those months, their ancestors); a moved unit's
                // old parent loses them as a plain move's does.
                case UnitTransferred t:
                    var from = t.EffectiveMonth.ToString();
                    units[t.Unit.Value] = t.PreviousParentId?.Value;
                    Reach(t.Unit.Value, from, true);
                    if (t.PreviousParentId is { } old) Add(old.Value, from, true);
                    if (t.ParentId is { } now) Add(now.Value, from, true);
                    break;
                case RestructuringReverted r:
                    foreach (var unit in r.Units) Add(unit.Value, r.EffectiveMonth.ToString(), true);
                    if (r.Kind == RestructuringKind.Move) revertedMoves.Add(r.Id);
                    break;
                case RestructuringEvent e when RestructuringEvents.Recorded(e) is { } r:
                    foreach (var unit in r.Units) Add(unit.Value, r.EffectiveMonth.ToString(), true);
                    break;
            }
        }
        void Add(string unit, string from, bool rollups)
        {
            units.TryAdd(unit, null);
            Reach(unit, from, rollups);
        }
        // A reverted move takes the unit's months back from the parent the move gave it, as a move does from its old parent.
        foreach (var move in await RevertedMovesAsync(context, revertedMoves))
            if (move.ParentId is { } movedTo)
            {
                var from = move.EffectiveMonth.ToString();
                units[move.Subject.Value] = movedTo.Value;
                Add(movedTo.Value, from, true);
            }

        var everyRollup = changes.Any(c => c is IndicatorRevised);
        await using var command = context.Command("""
            SELECT DISTINCT f.unit_id, f.month FROM {0}.official_figures f
                JOIN unnest(@ids, @officialFrom) AS k(unit_id, from_month) ON f.unit_id = k.unit_id
                WHERE f.valid_to IS NULL AND f.month >= k.from_month
            UNION SELECT r.unit_id, r.month FROM {0}.rollups r
                JOIN unnest(@ids, @rollupsFrom) AS k(unit_id, from_month) ON r.unit_id = k.unit_id
                WHERE r.month >= k.from_month
            UNION SELECT unit_id, month FROM {0}.rollups WHERE @all
            """);
        var ids = reach.Keys.ToArray();
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("officialFrom", ids.Select(id => reach[id].Official).ToArray());
        command.Parameters.AddWithValue("rollupsFrom", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text,
            ids.Select(id => (object?)reach[id].Rollups ?? DBNull.Value).ToArray());
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

    private static async Task<List<Restructuring>> RevertedMovesAsync(ProjectionContext context, List<string> ids)
    {
        var moves = new List<Restructuring>();
        if (ids.Count == 0) return moves;
        await using var command = context.Command("SELECT body::text FROM {0}.restructurings WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) moves.Add(RestructuringRows.Parse(reader.GetString(0)));
        return moves;
    }
}
