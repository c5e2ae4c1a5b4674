using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections;
using GovReport.Projections.Queries.Performance;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// The dashboard's year chart reads every month in one pass (<see cref="PerformanceQuery.MonthByMonthAsync"/>):
/// a ward merged from two communes in July 2025 draws their figures before the merge and its own
/// after, with last July's figures summed, live and as of an instant, as the month comparison does.
/// </summary>
public sealed class MonthByMonthAcrossMergeTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    [Fact]
    public async Task The_wards_months_are_its_predecessors_before_the_merge_and_its_own_after()
    {
        var admin = factory.ClientAs(Roles.Admin);
        await admin.UnitAsync("tp-yc", "city", null);
        await admin.UnitAsync("xa-yc-1", "commune", "tp-yc");
        await admin.UnitAsync("xa-yc-2", "commune", "tp-yc");
        await admin.UnitAsync("phuong-yc", "ward", "tp-yc");
        await admin.SubmittedAsync("xa-yc-1", "2024-07", (Forest, 10m));
        await admin.SubmittedAsync("xa-yc-2", "2024-07", (Forest, 5m));
        for (var m = 1; m <= 6; m++)
        {
            await admin.SubmittedAsync("xa-yc-1", $"2025-{m:D2}", (Forest, 1m));
            await admin.SubmittedAsync("xa-yc-2", $"2025-{m:D2}", (Forest, 2m));
        }
        await admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { "xa-yc-1", "xa-yc-2" }, successor = "phuong-yc",
        });
        await admin.SubmittedAsync("phuong-yc", "2025-07", (Forest, 4m));
        Assert.True((await factory.Services.GetRequiredService<ProjectionFreshness>().WaitUntilFreshAsync(TimeSpan.FromSeconds(30))).Reached);

        var query = factory.Services.GetRequiredService<PerformanceQuery>();
        var months = Enumerable.Range(1, 8).Select(n => new Month(2025, n)).ToList();
        decimal?[] actual = [3m, 3m, 3m, 3m, 3m, 3m, 4m, null];
        decimal?[] lastYear = [null, null, null, null, null, null, 15m, null];
        foreach (var asOf in new DateTimeOffset?[] { null, factory.Clock.GetUtcNow().AddMinutes(1) })
        {
            var points = await query.MonthByMonthAsync(UnitId.Parse("phuong-yc"), months, asOf, IndicatorCode.Parse(Forest));
            Assert.Equal(months, points.Select(p => p.Month));
            Assert.Equal(actual, points.Select(p => p.Actual));
            Assert.Equal(lastYear, points.Select(p => p.SamePeriodLastYear));
        }
    }
}
