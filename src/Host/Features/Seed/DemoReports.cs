using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>One monthly report of the demo and how its submission went.</summary>
internal sealed record DemoReport(
    UnitId Unit, Month Month, IReadOnlyList<FigureValue> Values, Narrative? Narrative, bool Late, bool Approved);

/// <summary>
/// Every unit that has figures files one report a month, all of 2021 and January–August 2022.
/// The exceptions give the reporting-status view something to show: "chế độ thông tin, báo cáo
/// còn thiếu kịp thời" — a few late, one missing August 2022, a few August reports not yet approved.
/// </summary>
internal static class DemoReports
{
    public static readonly Month LastMonth = new(2022, 8);

    public static readonly (string Unit, Month Month) Missing = (PhungChiKien, LastMonth);

    public static readonly IReadOnlySet<(string Unit, Month Month)> Late = new HashSet<(string, Month)>
    {
        (YTe, new Month(2021, 3)), (DuongQuang, new Month(2022, 7)), (VanHoa, LastMonth),
    };

    public static readonly IReadOnlySet<(string Unit, Month Month)> AwaitingApproval = new HashSet<(string, Month)>
    {
        (SongCau, LastMonth), (DucXuan, LastMonth), (YTe, LastMonth),
    };

    public static IReadOnlyList<DemoReport> All { get; } = Build();

    private static List<DemoReport> Build()
    {
        var reports = new List<DemoReport>();
        foreach (var unit in DemoUnits.All.Select(u => u.Id.Value))
        {
            var series = DemoFigures.All.Where(s => s.Unit == unit).ToList();
            for (var month = new Month(2021, 1); month <= LastMonth; month = month.Next())
            {
                if ((unit, month) == Missing) continue;
                var values = series
                    .Where(s => s.Year == month.Year && s.Months.Count >= month.Number)
                    .Select(s => new FigureValue(new IndicatorCode(s.Indicator), s.Months[month.Number - 1]))
                    .ToList();
                if (values.Count == 0) continue;
                reports.Add(new DemoReport(new UnitId(unit), month, values,
                    DemoNarratives.For(unit, month.Year, month.Number),
                    Late.Contains((unit, month)), !AwaitingApproval.Contains((unit, month))));
            }
        }
        return reports;
    }

    /// <summary>
    /// On time: on or a day or two before the deadline for the unit's level, never before the month
    /// has ended. Late: two or three days after it. Vietnam time, office hours.
    /// </summary>
    public static DateTimeOffset SubmittedAt(DemoReport report, ReportingCalendar calendar, UnitLevel level, int index)
    {
        var deadline = calendar.Deadline(report.Month, level);
        var day = report.Late
            ? deadline.AddDays(2 + index % 2)
            : Max(deadline.AddDays(-(index % 3)), report.Month.End.AddDays(1));
        // Stored in UTC: the report read model accepts only UTC instants, as the API's clock gives them.
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(8 + index % 8, 15)), ReportingCalendar.VietnamOffset).ToUniversalTime();
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
