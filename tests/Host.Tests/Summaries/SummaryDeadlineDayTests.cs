using GovReport.Host.Infrastructure.Auth;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

/// <summary>"Published automatically once a period's submission deadline has passed": the deadline day is still the units' to report on.</summary>
public class SummaryDeadlineDayTests(SummariesFactory factory) : IClassFixture<SummariesFactory>
{
    [Fact]
    public async Task Given_august_reported_when_the_deadline_day_ends_in_vietnam_then_the_summary_is_published_and_not_a_minute_before()
    {
        await factory.SeedAugustAsync();
        var reader = factory.ClientAs(Roles.Auditor);

        // Wednesday 14 September 2022, the city's deadline for August: 23:59 in Vietnam, 16:59 UTC.
        factory.Clock.Set(SummariesFactory.InVietnam(new DateOnly(2022, 9, 14), new TimeOnly(23, 59)));
        Assert.Empty(await factory.Scheduler.RunOnceAsync(default));
        Assert.Empty((await reader.ListAsync(City, "2022-08")).GetProperty("summaries").EnumerateArray());

        // Two minutes later it is the 15th in Vietnam, though still the 14th in UTC.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("summary-bac-kan-2022-08", await factory.Scheduler.RunOnceAsync(default));
        Assert.Single((await reader.ListAsync(City, "2022-08")).GetProperty("summaries").EnumerateArray());
    }
}
