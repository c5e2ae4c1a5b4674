using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain;

/// <summary>Stream keys start with the unit where there is one, so a unit's history is one prefix scan.</summary>
public static class StreamIds
{
    public static string Report(UnitId unit, Month month) => $"report-{unit}-{month}";
    public static string Unit(UnitId unit) => $"unit-{unit}";
    public static string Indicator(IndicatorCode code) => $"indicator-{code}";
    /// <summary>One stream for every restructuring: judging one needs all the others.</summary>
    public const string Restructurings = "restructurings";
    public static string Plan(UnitId unit, int year) => $"plan-{unit}-{year:D4}";
}
