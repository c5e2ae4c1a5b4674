using System.Collections;
using GovReport.Domain.Reports;

namespace GovReport.Projections.Figures;

/// <summary>
/// A submitted report's figures seen as indicator → value without copying them: roll-ups only
/// walk them, so the index is built only if something looks one up. A rebuild opens a hundred
/// thousand of these, and building a dictionary for each was a tenth of its time.
/// </summary>
/// <remarks>The decider refuses a report that names an indicator twice, so the list has no duplicates.</remarks>
internal sealed class SubmittedFigures(IReadOnlyList<FigureValue> values) : IReadOnlyDictionary<string, decimal>
{
    private Dictionary<string, decimal>? index;

    public IReadOnlyList<FigureValue> List { get; } = values;

    private Dictionary<string, decimal> Index =>
        index ??= List.ToDictionary(v => v.Indicator.Value, v => v.Value, StringComparer.Ordinal);

    public int Count => List.Count;
    public decimal this[string key] => Index[key];
    public IEnumerable<string> Keys => List.Select(v => v.Indicator.Value);
    public IEnumerable<decimal> Values => List.Select(v => v.Value);
    public bool ContainsKey(string key) => Index.ContainsKey(key);
    public bool TryGetValue(string key, out decimal value) => Index.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator()
    {
        foreach (var figure in List) yield return new KeyValuePair<string, decimal>(figure.Indicator.Value, figure.Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
