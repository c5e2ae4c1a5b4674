using static GovReport.Host.Features.Seed.DemoIndicators;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>One unit's monthly values of one indicator for a year, January first (2022 stops at August).</summary>
internal sealed record Series(string Unit, string Indicator, int Year, IReadOnlyList<decimal> Months);

/// <summary>
/// The figures behind the September 2022 briefing (seed 002): each indicator has one reporter per
/// unit path, so the city's figure is its own where it reports one and its children's otherwise.
/// Budget and retail come from Phòng Tài chính – Kế hoạch but are filed as the city's own.
/// </summary>
internal static class DemoFigures
{
    public static IReadOnlyList<Series> All { get; } = [.. City(), .. Forest(), .. DemoSectorFigures.All];

    private static IEnumerable<Series> City()
    {
        yield return new(DemoUnits.City, BudgetRevenue, 2021, [12.6m, 10.4m, 13.8m, 12.9m, 14.1m, 13.5m, 12.2m, 13.7m, 14.6m, 15.3m, 16.8m, 22.5m]);
        // "Thu ngân sách nhà nước đạt gần 120 tỷ đồng": 119.6 over eight months.
        yield return new(DemoUnits.City, BudgetRevenue, 2022, [14.2m, 11.8m, 15.6m, 13.9m, 16.4m, 15.1m, 14.8m, 17.8m]);
        yield return new(DemoUnits.City, RetailRevenue, 2021, [255.1m, 240.6m, 262.3m, 258.8m, 265.4m, 250.2m, 231.7m, 224.9m, 246.3m, 268.5m, 279.1m, 301.2m]);
        // "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ đạt trên 2.312 tỷ đồng": 2,312.4.
        yield return new(DemoUnits.City, RetailRevenue, 2022, [282.5m, 268.3m, 290.1m, 285.6m, 294.8m, 293.2m, 297.4m, 300.5m]);
        yield return new(DemoUnits.City, PatientsPerDay, 2021, [270m, 262m, 281m, 279m, 284m, 286m, 275m, 268m, 282m, 288m, 290m, 292m]);
        // "Khám, chữa bệnh đạt 300 lượt bệnh nhân/ngày": the day-weighted mean of January–August is exactly 300.
        yield return new(DemoUnits.City, PatientsPerDay, 2022, [288m, 276m, 302m, 304m, 305m, 306m, 308m, 309m]);
        yield return new(DemoUnits.City, Population, 2021, Shapes.Ramp(45_120m, 45_610m, 12, 0));
        yield return new(DemoUnits.City, Population, 2022, Shapes.Ramp(45_650m, 45_980m, 8, 0));
    }

    /// <summary>
    /// "Trồng rừng đạt 175,158/155ha, bằng 113% kế hoạch": the four units with forest land plant
    /// it. The article gives no 2021 figure to compare with, and neither does the demo, so the
    /// summary's sentence reads exactly as the article's.
    /// </summary>
    private static IEnumerable<Series> Forest()
    {
        yield return new(NongThuong, ForestPlanted, 2022, [0m, 8.200m, 14.500m, 12.350m, 4.100m, 6.800m, 10.300m, 6.200m]);
        yield return new(DuongQuang, ForestPlanted, 2022, [0m, 7.500m, 13.218m, 11.600m, 3.900m, 6.100m, 9.800m, 6.200m]);
        yield return new(XuatHoa, ForestPlanted, 2022, [0m, 4.000m, 7.540m, 6.200m, 2.000m, 3.300m, 5.100m, 3.100m]);
        yield return new(HuyenTung, ForestPlanted, 2022, [0m, 3.100m, 5.650m, 4.600m, 1.500m, 2.400m, 3.700m, 2.200m]);
    }
}

/// <summary>Deterministic monthly shapes, so the demo is the same on every run.</summary>
internal static class Shapes
{
    private static readonly decimal[] Swing = [-0.06m, -0.12m, 0.02m, 0m, 0.04m, 0.03m, -0.02m, 0.05m, 0.01m, 0.03m, 0.04m, 0.08m];

    /// <summary>A flow around <paramref name="typical"/>: Tết dips February, year-end peaks December.</summary>
    public static decimal[] Around(decimal typical, int months, int decimals = 0, int shift = 0) =>
        [.. Enumerable.Range(0, months).Select(i => Math.Round(typical * (1 + Swing[(i + shift) % 12]), decimals))];

    /// <summary>A level moving steadily from one value to another over the months.</summary>
    public static decimal[] Ramp(decimal from, decimal to, int months, int decimals) =>
        [.. Enumerable.Range(0, months).Select(i => Math.Round(from + (to - from) * i / Math.Max(1, months - 1), decimals))];

    public static decimal[] Flat(decimal value, int months) => [.. Enumerable.Repeat(value, months)];

    /// <summary>A seasonal flow: the year's total spread by a profile of twelve shares.</summary>
    public static decimal[] Seasonal(decimal total, IReadOnlyList<decimal> shares, int months, int decimals = 1) =>
        [.. shares.Take(months).Select(s => Math.Round(total * s, decimals))];

    public static decimal[] Step(decimal before, decimal after, int fromMonth, int months) =>
        [.. Enumerable.Range(1, months).Select(m => m < fromMonth ? before : after)];
}
