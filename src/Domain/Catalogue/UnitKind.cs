using GovReport.Domain.Periods;

namespace GovReport.Domain.Catalogue;

public enum UnitKind { Province, City, District, Department, Commune, Ward, Centre }

public static class UnitKinds
{
    private static readonly (UnitKind Kind, string Name)[] Names =
    [
        (UnitKind.Province, "province"), (UnitKind.City, "city"), (UnitKind.District, "district"),
        (UnitKind.Department, "department"), (UnitKind.Commune, "commune"), (UnitKind.Ward, "ward"),
        (UnitKind.Centre, "centre"),
    ];

    public static string ToApiString(this UnitKind kind) => Names.First(n => n.Kind == kind).Name;

    public static UnitKind Parse(string text) =>
        TryParse(text, out var kind, out var error) ? kind : throw new FormatException(error);

    public static bool TryParse(string? text, out UnitKind kind, out string? error) =>
        ApiNames.TryParse(Names, text, "unit kind", out kind, out error);

    /// <summary>The deadline level: communes, wards and centres report at the commune level.</summary>
    public static UnitLevel Level(this UnitKind kind) => kind switch
    {
        UnitKind.Province => UnitLevel.Province,
        UnitKind.City => UnitLevel.City,
        UnitKind.District => UnitLevel.District,
        UnitKind.Department => UnitLevel.Department,
        _ => UnitLevel.Commune,
    };
}
