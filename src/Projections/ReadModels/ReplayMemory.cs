namespace GovReport.Projections.ReadModels;

/// <summary>
/// What a replay into an empty schema remembers of what it wrote: which reports have a row, and
/// for its most recent months each unit's current official state and each roll-up. A page that
/// completes a month rolls up figures the previous page wrote; without this it read them all
/// back, which cost a rebuild about as much as reading the log again.
/// </summary>
/// <remarks>
/// Only sound for one writer that started from empty tables and passes every write through
/// here: then a month first touched has nothing stored, and what is held is what is stored. A
/// month pushed out is forgotten for good and read from the tables again, as the live daemon
/// always does. Not for the daemon: a rebuild can swap its tables out from under it.
/// </remarks>
public sealed class ReplayMemory(int months = 3)
{
    internal sealed record Official(IReadOnlyDictionary<string, decimal> Figures, long Seq, DateTimeOffset ValidFrom);

    private sealed class MonthFigures
    {
        public Dictionary<string, Official> Official { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, IReadOnlyDictionary<string, decimal>> Rollups { get; } = new(StringComparer.Ordinal);
    }

    private readonly HashSet<(string Unit, string Month)> reports = [];
    private readonly Dictionary<string, MonthFigures> held = new(StringComparer.Ordinal);
    private readonly List<string> byLastUse = [];
    private readonly HashSet<string> forgotten = new(StringComparer.Ordinal);

    /// <summary>The unit tree as the last page left it; a page that changes the catalogue drops it.</summary>
    public Figures.UnitTreeSnapshot? Tree { get; set; }

    /// <summary>Whether the report has a row: a replay never reads back one it knows it has not written.</summary>
    public bool HasReport(string unit, string month) => reports.Contains((unit, month));

    public void ReportWritten(string unit, string month) => reports.Add((unit, month));

    /// <summary>Start holding the month (if it was never forgotten); may forget the least recently used one.</summary>
    public void Touch(string month)
    {
        if (forgotten.Contains(month)) return;
        if (held.ContainsKey(month))
        {
            byLastUse.Remove(month);
            byLastUse.Add(month);
            return;
        }
        held[month] = new MonthFigures();
        byLastUse.Add(month);
        if (byLastUse.Count <= months) return;
        var oldest = byLastUse[0];
        byLastUse.RemoveAt(0);
        held.Remove(oldest);
        forgotten.Add(oldest);
    }

    public bool Holds(string month) => held.ContainsKey(month);

    /// <summary>
    /// Drops every figure held, for good: after a write was rolled back (a poison event isolated)
    /// what is held may no longer be what is stored, and the tables are the truth again.
    /// </summary>
    public void ForgetFigures()
    {
        foreach (var month in held.Keys) forgotten.Add(month);
        held.Clear();
        byLastUse.Clear();
        Tree = null;
    }

    /// <returns>Whether the month is held; if so, the unit's current state (null: none).</returns>
    internal bool TryGetOfficial(string unit, string month, out Official? state)
    {
        var isHeld = held.TryGetValue(month, out var figures);
        state = figures?.Official.GetValueOrDefault(unit);
        return isHeld;
    }

    internal void SetOfficial(string unit, string month, Official? state)
    {
        if (!held.TryGetValue(month, out var figures)) return;
        if (state is null) figures.Official.Remove(unit);
        else figures.Official[unit] = state;
    }

    /// <returns>Whether the month is held; if so, the unit's roll-up (null: none).</returns>
    public bool TryGetRollup(string unit, string month, out IReadOnlyDictionary<string, decimal>? rollup)
    {
        var isHeld = held.TryGetValue(month, out var figures);
        rollup = figures?.Rollups.GetValueOrDefault(unit);
        return isHeld;
    }

    public void SetRollup(string unit, string month, IReadOnlyDictionary<string, decimal>? rollup)
    {
        if (!held.TryGetValue(month, out var figures)) return;
        if (rollup is null) figures.Rollups.Remove(unit);
        else figures.Rollups[unit] = rollup;
    }
}
