using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using NpgsqlTypes;

namespace GovReport.Projections.Figures;

/// <summary>
/// Official figures with their history, one row per report state. A draft is not official;
/// a returned report's figures stop counting until it is submitted again; a correction opens
/// a new state of the whole report's figures.
/// </summary>
internal static class OfficialFigures
{
    private sealed class State(string unit, string month, IReadOnlyDictionary<string, decimal> figures, long seq, bool stored)
    {
        /// <summary>Opened by a submission: its figures are that event's, and the row points at it instead of copying them.</summary>
        public bool Submitted { get; init; }
        public string Unit { get; } = unit;
        public string Month { get; } = month;
        public IReadOnlyDictionary<string, decimal> Figures { get; } = figures;
        public long Seq { get; } = seq;
        public DateTimeOffset ValidFrom { get; init; }
        public DateTimeOffset? ValidTo { get; set; }
        public bool Stored { get; } = stored;
    }

    /// <returns>The (unit, month) pairs whose official figures changed, with their figures now (null: none).</returns>
    public static async Task<Dictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>?>> ApplyAsync(
        ProjectionContext context, IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> page)
    {
        var changed = new Dictionary<(string Unit, string Month), IReadOnlyDictionary<string, decimal>?>();
        if (page.Count == 0) return changed;
        var current = await CurrentAsync(context, page.Select(p => (p.Event.Unit.Value, p.Event.Month.ToString())).Distinct().ToList(), context.Replay);
        var closed = new List<State>();
        var opened = new List<State>();

        foreach (var (recorded, @event) in page)
        {
            var key = (@event.Unit.Value, @event.Month.ToString());
            var before = current.GetValueOrDefault(key);
            IReadOnlyDictionary<string, decimal>? after = @event switch
            {
                ReportSubmitted e => new SubmittedFigures(e.Values),
                FiguresCorrected e => Corrected(before?.Figures, e),
                ReportReturned => null,
                _ => before?.Figures,
            };
            if (Same(before?.Figures, after)) continue;
            if (before is not null)
            {
                before.ValidTo = recorded.RecordedAt;
                if (before.Stored) closed.Add(before);
                current.Remove(key);
            }
            if (after is not null)
            {
                var state = new State(key.Item1, key.Item2, after, recorded.Sequence, stored: false)
                    { ValidFrom = recorded.RecordedAt, Submitted = @event is ReportSubmitted };
                opened.Add(state);
                current[key] = state;
            }
            changed[key] = after;
        }
        await CloseAsync(context, closed);
        await OpenAsync(context, opened);
        if (context.Replay is { } recent)
            foreach (var key in changed.Keys)
                recent.SetOfficial(key.Item1, key.Item2, current.TryGetValue(key, out var now)
                    ? new ReplayMemory.Official(now.Figures, now.Seq, now.ValidFrom) : null);
        return changed;
    }

    private static Dictionary<string, decimal> Corrected(IReadOnlyDictionary<string, decimal>? before, FiguresCorrected e)
    {
        var figures = new Dictionary<string, decimal>(before ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        foreach (var change in e.Changes) figures[change.Indicator.Value] = change.Value;
        return figures;
    }

    private static bool Same(IReadOnlyDictionary<string, decimal>? a, IReadOnlyDictionary<string, decimal>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static async Task<Dictionary<(string, string), State>> CurrentAsync(
        ProjectionContext context, List<(string Unit, string Month)> keys, ReplayMemory? recent)
    {
        if (recent is null) return await LoadCurrentAsync(context, keys);
        var held = new Dictionary<(string, string), State>();
        var unheld = new List<(string Unit, string Month)>();
        foreach (var (unit, month) in keys)
        {
            if (!recent.TryGetOfficial(unit, month, out var state)) unheld.Add((unit, month));
            else if (state is not null)
                held[(unit, month)] = new State(unit, month, state.Figures, state.Seq, stored: true) { ValidFrom = state.ValidFrom };
        }
        var current = await LoadCurrentAsync(context, unheld);
        foreach (var (key, state) in held) current[key] = state;
        return current;
    }

    private static async Task<Dictionary<(string, string), State>> LoadCurrentAsync(ProjectionContext context, List<(string Unit, string Month)> keys)
    {
        if (keys.Count == 0) return [];
        await using var command = context.Command("""
            SELECT f.unit_id, f.month, f.stored_figures::text, f.seq, f.valid_from
            FROM {0}.official_figure_sets f JOIN unnest(@units, @months) AS k(unit_id, month) USING (unit_id, month)
            WHERE f.valid_to IS NULL
            """);
        command.Parameters.AddWithValue("units", keys.Select(k => k.Unit).ToArray());
        command.Parameters.AddWithValue("months", keys.Select(k => k.Month).ToArray());
        var current = new Dictionary<(string, string), State>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            current[(reader.GetString(0), reader.GetString(1))] = new State(reader.GetString(0), reader.GetString(1),
                FigureJson.Parse(reader.GetString(2)), reader.GetInt64(3), stored: true) { ValidFrom = reader.GetFieldValue<DateTimeOffset>(4) };
        return current;
    }

    private static async Task CloseAsync(ProjectionContext context, List<State> closed)
    {
        if (closed.Count == 0) return;
        await using var command = context.Command("""
            UPDATE {0}.official_figures f SET valid_to = c.valid_to
            FROM unnest(@units, @months, @seqs, @validTo) AS c(unit_id, month, seq, valid_to)
            WHERE f.unit_id = c.unit_id AND f.month = c.month AND f.seq = c.seq
            """);
        command.Parameters.AddWithValue("units", closed.Select(c => c.Unit).ToArray());
        command.Parameters.AddWithValue("months", closed.Select(c => c.Month).ToArray());
        command.Parameters.AddWithValue("seqs", closed.Select(c => c.Seq).ToArray());
        command.Parameters.AddWithValue("validTo", closed.Select(c => c.ValidTo!.Value).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task OpenAsync(ProjectionContext context, List<State> opened)
    {
        if (opened.Count == 0) return;
        // A state opened and closed within one page is still history: it goes in already closed.
        var corrected = opened.Where(o => !o.Submitted).ToList();
        var written = FigureJson.WriteAll(corrected.Select(o => o.Figures).ToList());
        await using var copy = await context.Connection.BeginBinaryImportAsync(ReadModelSchema.Qualify(
            "COPY {0}.official_figures (unit_id, month, figures, valid_from, valid_to, seq) FROM STDIN (FORMAT BINARY)", context.Schema));
        var next = 0;
        foreach (var state in opened)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(state.Unit, NpgsqlDbType.Text);
            await copy.WriteAsync(state.Month, NpgsqlDbType.Text);
            await Copy.WriteOrNullAsync(copy, state.Submitted ? null : written[next++], NpgsqlDbType.Jsonb);
            await copy.WriteAsync(state.ValidFrom, NpgsqlDbType.TimestampTz);
            await Copy.WriteOrNullAsync(copy, state.ValidTo, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(state.Seq, NpgsqlDbType.Bigint);
        }
        await copy.CompleteAsync();
    }
}
