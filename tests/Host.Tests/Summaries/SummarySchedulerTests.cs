using System.Net;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

public class SummarySchedulerTests(SummariesFactory factory) : IClassFixture<SummariesFactory>
{
    [Fact]
    public async Task Given_august_reported_when_the_deadline_passes_then_one_summary_is_published_and_a_later_correction_shows_only_in_the_next()
    {
        await factory.SeedAugustAsync();
        var reader = factory.ClientAs(Roles.Auditor);

        Assert.Empty(await factory.Scheduler.RunOnceAsync(default));
        Assert.Empty((await reader.ListAsync(City)).GetProperty("summaries").EnumerateArray());

        factory.Clock.Set(SummariesFactory.AfterDeadline(new Month(2022, 8)));
        var published = await factory.Scheduler.RunOnceAsync(default);
        Assert.Equal(["summary-bac-kan-2022-08", "summary-cho-moi-2022-08"], published.Order());
        Assert.Empty(await factory.Scheduler.RunOnceAsync(default));

        var list = (await reader.ListAsync(City, "2022-08")).GetProperty("summaries").EnumerateArray().ToList();
        var item = Assert.Single(list);
        Assert.Equal("summary-bac-kan-2022-08", item.GetProperty("id").GetString());
        Assert.False(item.GetProperty("onDemand").GetBoolean());

        var before = await reader.GetStringAsync("/api/summaries/summary-bac-kan-2022-08");
        var summary = await reader.GetAsync("/api/summaries/summary-bac-kan-2022-08").JsonAsync();
        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", summary.Lines());
        Assert.Equal(["month", "quarter-to-date", "ytd"], summary.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("view").GetString()));
        Assert.Equal(175.158m, summary.Row("ytd", Forest).GetProperty("actual").GetDecimal());

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var corrected = await factory.ClientAs(Roles.Reporter, Commune).CorrectAsync(Commune, "2022-08", "Nhập nhầm diện tích", (Forest, 110.158m));
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await factory.Scheduler.RunOnceAsync(default));
        Assert.Equal(before, await reader.GetStringAsync("/api/summaries/summary-bac-kan-2022-08"));

        factory.Clock.Set(SummariesFactory.AfterDeadline(new Month(2022, 9)));
        Assert.Contains("summary-bac-kan-2022-09", await factory.Scheduler.RunOnceAsync(default));
        var next = await reader.GetAsync("/api/summaries/summary-bac-kan-2022-09").JsonAsync();
        Assert.Contains("Trồng rừng đạt 185,158/155 ha, bằng 119% kế hoạch.", next.Lines());
        // The units were registered on 1 September, so September is the first month they owe a report.
        Assert.Equal(3, next.GetProperty("reportingStatus").GetProperty("missing").GetInt32());
        Assert.Contains("Có 3/3 đơn vị chưa gửi báo cáo: UBND thành phố Bắc Kạn, Xã Dương Quang, Xã Nông Thượng.", next.Lines());
        Assert.Equal("summary-bac-kan-2022-08", next.GetProperty("previousSummaryId").GetString());
        var change = Assert.Single(next.GetProperty("correctedSinceLast").EnumerateArray());
        Assert.Equal(Commune, change.GetProperty("unit").GetString());
        Assert.Equal(100.158m, change.GetProperty("previous").GetDecimal());
        Assert.Equal(110.158m, change.GetProperty("value").GetDecimal());
        Assert.Equal(before, await reader.GetStringAsync("/api/summaries/summary-bac-kan-2022-08"));
    }
}
