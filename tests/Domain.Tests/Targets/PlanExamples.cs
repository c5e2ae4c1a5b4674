using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Targets;

/// <summary>The plan decider under test and the city, indicators and instants its examples share.</summary>
internal static class PlanExamples
{
    public static readonly DeciderSpec<SetAnnualTargets, AnnualPlan?, PlanEvent> Spec =
        new(PlanDecider.Decide, PlanDecider.Evolve, PlanDecider.Initial);

    public static readonly UnitId BacKan = UnitId.Parse("bac-kan");
    public static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    public static readonly IndicatorCode Revenue = IndicatorCode.Parse("budget-revenue");
    public static readonly DateTimeOffset January = new(2022, 1, 10, 8, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset July = new(2022, 7, 15, 8, 0, 0, TimeSpan.FromHours(7));
}
