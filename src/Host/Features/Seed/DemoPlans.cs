using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using static GovReport.Host.Features.Seed.DemoIndicators;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// Annual plans as the province (kế hoạch tỉnh giao) and the city set them in December for the
/// year ahead; the decision numbers are illustrative. Each stream's plans apply in order, so a
/// revision is only ever appended after the plan it revises.
/// </summary>
internal static class DemoPlans
{
    public const string ForestPlan2022Decision = "Quyết định số 2355/QĐ-UBND";

    public static IReadOnlyList<IReadOnlyList<SetAnnualTargets>> All { get; } =
    [
        [Plan(City, 2021, "Quyết định số 2289/QĐ-UBND", Set(2020, 12, 18),
            (ForestPlanted, 150m), (BudgetRevenue, 165m), (RetailRevenue, 3050m), (PatientsPerDay, 280m),
            (PovertyRate, 1.4m), (StandardSchools, 18m), (NationalPrizes, 3m), (JobsCreated, 600m),
            (NewRuralCommunes, 2m), (DossiersResolved, 9000m))],
        [
            Plan(City, 2022, ForestPlan2022Decision, Set(2021, 12, 17),
                (ForestPlanted, 155m), (BudgetRevenue, 175m), (RetailRevenue, 3600m), (PatientsPerDay, 300m),
                (PovertyRate, 1.0m), (Under5Malnutrition, 9.5m), (StandardSchools, 20m), (NationalPrizes, 4m),
                (JobsCreated, 650m), (NewRuralCommunes, 2m), (DossiersResolved, 9500m)),
            // The mid-year revision (điều chỉnh kế hoạch): only retail changes; forest and budget stand.
            Plan(City, 2022, "Nghị quyết số 15/NQ-HĐND", Set(2022, 7, 15),
                (ForestPlanted, 155m), (BudgetRevenue, 175m), (RetailRevenue, 3450m), (PatientsPerDay, 300m),
                (PovertyRate, 1.0m), (Under5Malnutrition, 9.5m), (StandardSchools, 20m), (NationalPrizes, 4m),
                (JobsCreated, 650m), (NewRuralCommunes, 2m), (DossiersResolved, 9500m))
            with { Reason = "Điều chỉnh chỉ tiêu tổng mức bán lẻ do ảnh hưởng của dịch Covid-19 trong quý I/2022" },
        ],
        [Plan(NongThuong, 2021, "Quyết định số 2410/QĐ-UBND", Set(2020, 12, 22), (ForestPlanted, 52m))],
        [Plan(DuongQuang, 2021, "Quyết định số 2410/QĐ-UBND", Set(2020, 12, 22), (ForestPlanted, 48m))],
        [Plan(NongThuong, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21), (ForestPlanted, 55m), (LivestockHerd, 2100m))],
        [Plan(DuongQuang, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21), (ForestPlanted, 50m), (LivestockHerd, 1900m))],
        [Plan(XuatHoa, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21), (ForestPlanted, 28m))],
        [Plan(HuyenTung, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21), (ForestPlanted, 22m))],
        [Plan(LaoDong, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21),
            (JobsCreated, 650m), (WorkersAbroad, 20m), (PovertyRate, 1.0m))],
        [Plan(YTe, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21),
            (InsuranceCoverage, 96m), (FullImmunisation, 95m), (Under5Malnutrition, 9.5m))],
        [Plan(GiaoDuc, 2022, "Quyết định số 2502/QĐ-UBND", Set(2021, 12, 21), (StandardSchools, 20m), (NationalPrizes, 4m))],
    ];

    private static DateTimeOffset Set(int year, int month, int day) => new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private static SetAnnualTargets Plan(string unit, int year, string decision, DateTimeOffset at, params (string Code, decimal Value)[] lines) =>
        new(new UnitId(unit), year, [.. lines.Select(l => new TargetLine(new IndicatorCode(l.Code), l.Value))],
            decision, Reason: null, By: DemoSeed.Actor, At: at);
}
