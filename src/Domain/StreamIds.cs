using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Domain;

/// <summary>Stream keys start with the unit where there is one, so a unit's history is one prefix scan.</summary>
public static class StreamIds
{
    /// <summary>What every report stream's id starts with.</summary>
    public const string ReportPrefix = "report-";

    public static string Report(UnitId unit, Month month) => $"{ReportPrefix}{unit}-{month}";
    public static string Unit(UnitId unit) => $"unit-{unit}";
    public static string Indicator(IndicatorCode code) => $"indicator-{code}";
    public static string Account(string username) => $"account-{username}";
    /// <summary>One stream for every restructuring: judging one needs all the others.</summary>
    public const string Restructurings = "restructurings";
    public static string Plan(UnitId unit, int year) => $"plan-{unit}-{year:D4}";

    /// <summary>The assigned plan keeps the stream it always had; another baseline's stream ends with its name.</summary>
    public static string Plan(UnitId unit, int year, Targets.PlanBaseline baseline) =>
        baseline == Targets.PlanBaseline.Assigned ? Plan(unit, year) : $"{Plan(unit, year)}-{Targets.PlanBaselines.ToApiString(baseline)}";
}
