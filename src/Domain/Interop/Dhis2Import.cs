using System.Globalization;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

namespace GovReport.Domain.Interop;

/// <summary>One unit's month in an import: the figures it carries, with each one's index in the payload.</summary>
public sealed record Dhis2ReportGroup(UnitId Unit, Month Month, IReadOnlyList<FigureValue> Figures, IReadOnlyList<int> Indexes);

/// <summary>
/// The pure half of an import: every value mapped back to the service's unit, month and indicator,
/// and grouped by (unit, month), the unit of a report. A value that cannot be read is a conflict
/// and spoils its whole unit-month (a report is never half-imported); values for other
/// unit-months still go in, as DHIS2 imports what it can.
/// </summary>
public static class Dhis2Import
{
    public static (IReadOnlyList<Dhis2ReportGroup> Groups, IReadOnlyList<Dhis2Conflict> Conflicts) Group(
        IReadOnlyList<Dhis2DataValue> values, Dhis2Mapping mapping, Func<Dhis2DataValue, (bool Ok, Month Month, string? Error)>? period = null)
    {
        period ??= v => Dhis2Periods.TryMonth(v.Period, out var m, out var e) ? (true, m, null) : (false, default, e);
        var conflicts = new List<Dhis2Conflict>();
        var groups = new Dictionary<(UnitId, Month), (List<FigureValue> Figures, List<int> Indexes)>();
        var spoiled = new HashSet<(UnitId, Month)>();
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var unitOk = TryUnit(v, mapping, out var unit, out var unitError);
            var (periodOk, month, periodError) = period(v);
            if (!unitOk) conflicts.Add(new(v.OrgUnit ?? "", unitError!, i));
            if (!periodOk) conflicts.Add(new(v.Period ?? "", periodError!, i));
            if (!unitOk || !periodOk) continue;

            var key = (unit, month);
            if (!TryIndicator(v, mapping, out var indicator, out var elementError))
            {
                conflicts.Add(new(v.DataElement ?? "", elementError!, i));
                spoiled.Add(key);
                continue;
            }
            if (!mapping.Accepts(v.AttributeOptionCombo?.Trim()))
            {
                conflicts.Add(new(v.AttributeOptionCombo!, $"Attribute option combo '{v.AttributeOptionCombo}' is not the one this service's figures carry.", i));
                spoiled.Add(key);
                continue;
            }
            if (!TryValue(v.Value, out var value))
            {
                conflicts.Add(new(v.Value ?? "", $"Value of data element {v.DataElement} is not a finite number.", i));
                spoiled.Add(key);
                continue;
            }
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = ([], []);
            group.Figures.Add(new FigureValue(indicator, value));
            group.Indexes.Add(i);
        }
        var kept = groups.Where(g => !spoiled.Contains(g.Key))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2)
            .Select(g => new Dhis2ReportGroup(g.Key.Item1, g.Key.Item2, g.Value.Figures, g.Value.Indexes))
            .ToList();
        return (kept, conflicts);
    }

    private static bool TryUnit(Dhis2DataValue v, Dhis2Mapping mapping, out UnitId unit, out string? error)
    {
        unit = default;
        error = $"Org unit '{v.OrgUnit}' is not mapped to a unit of this service.";
        if (string.IsNullOrWhiteSpace(v.OrgUnit)) { error = "The org unit is required."; return false; }
        return mapping.Unit(v.OrgUnit.Trim()) is { } id && UnitId.TryParse(id, out unit, out _);
    }

    private static bool TryIndicator(Dhis2DataValue v, Dhis2Mapping mapping, out IndicatorCode code, out string? error)
    {
        code = default;
        error = $"Data element '{v.DataElement}'{(v.CategoryOptionCombo is { Length: > 0 } c ? $" with category option combo '{c}'" : "")} is not mapped to an indicator.";
        if (string.IsNullOrWhiteSpace(v.DataElement)) { error = "The data element is required."; return false; }
        return mapping.Indicator(v.DataElement.Trim(), v.CategoryOptionCombo?.Trim()) is { } indicator && IndicatorCode.TryParse(indicator, out code, out _);
    }

    /// <summary>DHIS2 sends values as text in the invariant culture (a dot for decimals, no grouping).</summary>
    public static bool TryValue(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);

    /// <summary>A value as DHIS2 writes it: invariant text, no trailing zeros.</summary>
    public static string FormatValue(decimal value) => value.ToString(ValueFormat, CultureInfo.InvariantCulture);

    /// <summary>The same text into a buffer (a national export formats millions of values); false if it is too short.</summary>
    public static bool TryFormatValue(decimal value, Span<char> text, out int written) =>
        value.TryFormat(text, out written, ValueFormat, CultureInfo.InvariantCulture);

    private const string ValueFormat = "0.############################";

}
