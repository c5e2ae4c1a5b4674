using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Features.Seed;
using static GovReport.Host.Features.Seed.DemoIndicators;

namespace GovReport.Host.Tests.Seed;

/// <summary>The demo's figures must reproduce the seed articles before any database is involved.</summary>
public class DemoDataTests
{
    private static IEnumerable<MonthlyFigure> Ytd2022(string indicator) =>
        DemoReports.All
            .Where(r => r.Month.Year == 2022)
            .SelectMany(r => r.Values.Where(v => v.Indicator.Value == indicator).Select(v => new MonthlyFigure(r.Month, v.Value)));

    [Fact]
    public void Given_the_commune_reports_when_forest_planted_is_summed_over_eight_months_of_2022_then_it_is_175_158_ha() =>
        Assert.Equal(175.158m, Ytd2022(ForestPlanted).Sum(f => f.Value));

    [Fact]
    public void Given_the_city_reports_when_budget_and_retail_are_summed_then_they_read_nearly_120_and_over_2312()
    {
        Assert.Equal(119.6m, Ytd2022(BudgetRevenue).Sum(f => f.Value));
        Assert.Equal(2312.4m, Ytd2022(RetailRevenue).Sum(f => f.Value));
    }

    [Fact]
    public void Given_the_city_patient_rates_when_weighted_by_days_then_january_to_august_2022_is_exactly_300() =>
        Assert.Equal(300m, IndicatorAggregation.Aggregate(Aggregation.PerDay, Ytd2022(PatientsPerDay)));

    [Fact]
    public void Given_every_series_when_checked_then_each_indicator_is_defined_and_has_one_reporter_per_path_to_the_city()
    {
        var defined = DemoIndicators.All.Select(i => i.Code.Value).ToHashSet();
        Assert.All(DemoFigures.All, s => Assert.Contains(s.Indicator, defined));
        Assert.True(DemoIndicators.All.Count >= 20);
        // The city's own figure hides its children's, so nothing it reports may also come from below it.
        var cityOwn = DemoFigures.All.Where(s => s.Unit == DemoUnits.City).Select(s => s.Indicator).ToHashSet();
        Assert.DoesNotContain(DemoFigures.All, s => s.Unit != DemoUnits.City && cityOwn.Contains(s.Indicator));
        // Percentages do not add up across units: each has a single reporter.
        foreach (var rate in DemoIndicators.All.Where(i => i.Measure == "%"))
            Assert.Single(DemoFigures.All.Where(s => s.Indicator == rate.Code.Value).Select(s => s.Unit).Distinct());
    }

    [Fact]
    public void Given_the_schedule_when_listed_then_one_unit_misses_august_2022_and_a_few_are_late_or_awaiting_approval()
    {
        var august = new Month(2022, 8);
        Assert.DoesNotContain(DemoReports.All, r => r.Unit.Value == DemoReports.Missing.Unit && r.Month == august);
        Assert.Equal(3, DemoReports.All.Count(r => r.Late));
        Assert.Equal(3, DemoReports.All.Count(r => !r.Approved));
        Assert.InRange(DemoReports.All.Count, 300, 400);
    }

    [Fact]
    public void Given_the_default_calendar_when_submission_times_are_chosen_then_only_the_late_ones_miss_the_deadline()
    {
        var calendar = new ReportingCalendar();
        for (var i = 0; i < DemoReports.All.Count; i++)
        {
            var report = DemoReports.All[i];
            var level = DemoUnits.KindOf(report.Unit.Value).Level();
            var at = DemoReports.SubmittedAt(report, calendar, level, i);
            Assert.True(ReportingCalendar.LocalDate(at) > report.Month.End, $"{report.Unit} {report.Month} submitted before the month ended");
            Assert.Equal(!report.Late, calendar.IsOnTime(report.Month, level, at));
        }
    }
}
