using System.Text.Json;

namespace GovReport.Projections.Figures;

/// <summary>A month's figures of one unit, indicator code → value, as stored in jsonb.</summary>
public static class FigureJson
{
    public static SortedDictionary<string, decimal> Parse(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, decimal>>(json)!, StringComparer.Ordinal);

    public static string Write(IReadOnlyDictionary<string, decimal> figures) =>
        JsonSerializer.Serialize(new SortedDictionary<string, decimal>(figures.ToDictionary(), StringComparer.Ordinal));
}
