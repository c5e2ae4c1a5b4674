using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;

namespace GovReport.Projections.Figures;

/// <summary>
/// The official figures (those of a submitted or approved report) with their history: every
/// change closes the current version at the instant it was recorded and opens the next. A draft
/// is not official; a returned report's figures stop counting until it is submitted again.
/// </summary>
internal static class OfficialFigures
{
    private sealed record Current(decimal Value, long Seq);

    private sealed class Version(FigureKey key, decimal value, DateTimeOffset validFrom, long seq)
    {
        public FigureKey Key { get; } = key;
        public decimal Value { get; } = value;
        public DateTimeOffset ValidFrom { get; } = validFrom;
        public DateTimeOffset? ValidTo { get; set; }
        public long Seq { get; } = seq;
    }

    /// <returns>The figures whose official value changed.</returns>
    public static async Task<HashSet<FigureKey>> ApplyAsync(ProjectionContext context, IReadOnlyList<(RecordedEvent Recorded, ReportEvent Event)> page)
    {
        var changed = new HashSet<FigureKey>();
        if (page.Count == 0) return changed;
        var current = await LoadCurrentAsync(context, page.Select(p => (p.Event.Unit.Value, p.Event.Month.ToString())).Distinct().ToList());
        var closes = new List<(FigureKey Key, long Seq, DateTimeOffset At)>();
        var opens = new Dictionary<(FigureKey, long), Version>();

        void Set(FigureKey key, decimal? value, RecordedEvent recorded)
        {
            var before = current.GetValueOrDefault(key);
            if (before?.Value == value) return;
            if (before is not null)
            {
                // A version opened earlier in this page is closed before it is ever written.
                if (opens.TryGetValue((key, before.Seq), out var opened)) opened.ValidTo = recorded.RecordedAt;
                else closes.Add((key, before.Seq, recorded.RecordedAt));
            }
            if (value is { } v)
            {
                opens[(key, recorded.Sequence)] = new Version(key, v, recorded.RecordedAt, recorded.Sequence);
                current[key] = new Current(v, recorded.Sequence);
            }
            else current.Remove(key);
            changed.Add(key);
        }

        foreach (var (recorded, @event) in page)
        {
            var (unit, month) = (@event.Unit.Value, @event.Month.ToString());
            var officialNow = current.Keys.Where(k => k.Unit == unit && k.Month == month).ToList();
            switch (@event)
            {
                case ReportSubmitted e:
                    var submitted = e.Values.ToDictionary(v => v.Indicator.Value, v => v.Value);
                    foreach (var key in officialNow.Where(k => !submitted.ContainsKey(k.Indicator))) Set(key, null, recorded);
                    foreach (var (indicator, value) in submitted) Set(new FigureKey(unit, indicator, month), value, recorded);
                    break;
                case FiguresCorrected e:
                    foreach (var change in e.Changes) Set(new FigureKey(unit, change.Indicator.Value, month), change.Value, recorded);
                    break;
                case ReportReturned:
                    foreach (var key in officialNow) Set(key, null, recorded);
                    break;
            }
        }
        await CloseAsync(context, closes);
        await OpenAsync(context, opens.Values.ToList());
        return changed;
    }

    private static async Task<Dictionary<FigureKey, Current>> LoadCurrentAsync(ProjectionContext context, List<(string Unit, string Month)> reports)
    {
        await using var command = context.Command("""
            SELECT f.unit_id, f.indicator, f.month, f.value, f.seq
            FROM {0}.figure_versions f JOIN unnest(@units, @months) AS k(unit_id, month) USING (unit_id, month)
            WHERE f.valid_to IS NULL
            """);
        command.Parameters.AddWithValue("units", reports.Select(r => r.Unit).ToArray());
        command.Parameters.AddWithValue("months", reports.Select(r => r.Month).ToArray());
        var current = new Dictionary<FigureKey, Current>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            current[new FigureKey(reader.GetString(0), reader.GetString(1), reader.GetString(2))] =
                new Current(reader.GetDecimal(3), reader.GetInt64(4));
        return current;
    }

    private static async Task CloseAsync(ProjectionContext context, List<(FigureKey Key, long Seq, DateTimeOffset At)> closes)
    {
        if (closes.Count == 0) return;
        await using var command = context.Command("""
            UPDATE {0}.figure_versions f SET valid_to = c.at
            FROM unnest(@units, @indicators, @months, @seqs, @ats) AS c(unit_id, indicator, month, seq, at)
            WHERE f.unit_id = c.unit_id AND f.indicator = c.indicator AND f.month = c.month AND f.seq = c.seq
            """);
        command.Parameters.AddWithValue("units", closes.Select(c => c.Key.Unit).ToArray());
        command.Parameters.AddWithValue("indicators", closes.Select(c => c.Key.Indicator).ToArray());
        command.Parameters.AddWithValue("months", closes.Select(c => c.Key.Month).ToArray());
        command.Parameters.AddWithValue("seqs", closes.Select(c => c.Seq).ToArray());
        command.Parameters.AddWithValue("ats", closes.Select(c => c.At).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task OpenAsync(ProjectionContext context, List<Version> opens)
    {
        if (opens.Count == 0) return;
        await using var command = context.Command("""
            INSERT INTO {0}.figure_versions (unit_id, indicator, month, value, valid_from, valid_to, seq)
            SELECT * FROM unnest(@units, @indicators, @months, @values, @froms, @tos, @seqs)
            """);
        command.Parameters.AddWithValue("units", opens.Select(o => o.Key.Unit).ToArray());
        command.Parameters.AddWithValue("indicators", opens.Select(o => o.Key.Indicator).ToArray());
        command.Parameters.AddWithValue("months", opens.Select(o => o.Key.Month).ToArray());
        command.Parameters.AddWithValue("values", opens.Select(o => o.Value).ToArray());
        command.Parameters.AddWithValue("froms", opens.Select(o => o.ValidFrom).ToArray());
        command.Parameters.AddWithValue("tos", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz,
            opens.Select(o => (object?)o.ValidTo ?? DBNull.Value).ToArray());
        command.Parameters.AddWithValue("seqs", opens.Select(o => o.Seq).ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
