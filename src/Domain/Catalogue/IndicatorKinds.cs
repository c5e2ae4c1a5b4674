namespace GovReport.Domain.Catalogue;

/// <summary>
/// How an indicator's months combine into a longer period. Ratio is computed, never reported:
/// scale × numerator / denominator over the units and months covered (see <see cref="RatioDefinition"/>).
/// </summary>
public enum Aggregation { Sum, Average, PerDay, Last, Ratio }

public enum Direction { HigherIsBetter, LowerIsBetter }

public static class Aggregations
{
    private static readonly (Aggregation Value, string Name)[] Names =
        [(Aggregation.Sum, "sum"), (Aggregation.Average, "average"), (Aggregation.PerDay, "per-day"), (Aggregation.Last, "last"), (Aggregation.Ratio, "ratio")];

    public static string ToApiString(this Aggregation value) => Names.First(n => n.Value == value).Name;

    public static Aggregation Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse(string? text, out Aggregation value, out string? error) =>
        ApiNames.TryParse(Names, text, "aggregation", out value, out error);
}

public static class Directions
{
    private static readonly (Direction Value, string Name)[] Names =
        [(Direction.HigherIsBetter, "higher-is-better"), (Direction.LowerIsBetter, "lower-is-better")];

    public static string ToApiString(this Direction value) => Names.First(n => n.Value == value).Name;

    public static Direction Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    public static bool TryParse(string? text, out Direction value, out string? error) =>
        ApiNames.TryParse(Names, text, "direction", out value, out error);
}
