using System.Net;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using GovReport.Host.Tests.Summaries;
using static GovReport.Host.Tests.Blocks.BlocksFactory;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Blocks;

public sealed class BlockSummaryTests(BlocksFactory factory) : IClassFixture<BlocksFactory>
{
    [Fact]
    public async Task Once_the_city_deadline_passes_each_block_gets_one_summary_per_period_and_never_a_second()
    {
        var admin = factory.ClientAs(Roles.Admin);
        foreach (var (unit, values) in new[] { (Finance, (Budget, 100m)), (Planning, (Budget, 25.5m)), (CultureOffice, (Patients, 10m)) })
            Assert.True((await admin.SubmitAsync(unit, "2022-08", values)).IsSuccessStatusCode);

        factory.Clock.Set(SummariesFactory.AfterDeadline(new Month(2022, 8)));
        var published = await factory.Scheduler.RunOnceAsync(default);
        Assert.Equal(["summary-block-kinh-te-2022-08", "summary-block-van-hoa-xa-hoi-2022-08"],
            published.Where(id => id.StartsWith("summary-block-", StringComparison.Ordinal)).Order());
        Assert.Empty(await factory.Scheduler.RunOnceAsync(default));

        var reader = factory.ClientAs(Roles.Auditor);
        var item = Assert.Single((await reader.ListAsync("block:kinh-te")).GetProperty("summaries").EnumerateArray());
        Assert.Equal(("summary-block-kinh-te-2022-08", "block:kinh-te"), (item.GetProperty("id").GetString(), item.GetProperty("scope").GetString()));

        var summary = await reader.GetAsync("/api/summaries/summary-block-kinh-te-2022-08").JsonAsync();
        Assert.Equal("Khối Kinh tế", summary.GetProperty("scopeName").GetString());
        Assert.Equal(125.5m, summary.Row("ytd", Budget).GetProperty("actual").GetDecimal());
        Assert.Equal("no-target", summary.Row("ytd", Budget).GetProperty("status").GetString());
        Assert.Contains("Thu ngân sách đạt 125,5 tỷ đồng.", summary.Lines());
        // The finance office's subtree and the planning office: both reported August, the team (registered in September) owed nothing.
        var status = summary.GetProperty("reportingStatus");
        Assert.Equal((2, 2), (status.GetProperty("expected").GetInt32(), status.GetProperty("submitted").GetInt32()));

        factory.Clock.Set(SummariesFactory.AfterDeadline(new Month(2022, 9)));
        var september = await factory.Scheduler.RunOnceAsync(default);
        Assert.Single(september, id => id == "summary-block-kinh-te-2022-09");
        Assert.DoesNotContain(september, id => id.EndsWith("2022-08", StringComparison.Ordinal));
        var next = await reader.GetAsync("/api/summaries/summary-block-kinh-te-2022-09").JsonAsync();
        Assert.Equal("summary-block-kinh-te-2022-08", next.GetProperty("previousSummaryId").GetString());
        Assert.Equal(3, next.GetProperty("reportingStatus").GetProperty("missing").GetInt32());
    }
}

public sealed class BlockOnDemandSummaryTests(BlocksFactory factory) : IClassFixture<BlocksFactory>
{
    [Fact]
    public async Task An_admin_may_publish_a_blocks_summary_on_demand_an_approver_may_not()
    {
        var created = await factory.ClientAs(Roles.Admin).PublishAsync("block:kinh-te", "2022-08").JsonAsync(HttpStatusCode.Created);
        Assert.Equal("summary-block-kinh-te-2022-08-ondemand-1", created.GetProperty("id").GetString());

        var forbidden = await factory.ClientAs(Roles.Approver, City).PublishAsync("block:kinh-te", "2022-08");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await ProblemAssert.IsProblemAsync(await factory.ClientAs(Roles.Admin).PublishAsync("block:no-such-block", "2022-08"),
            HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblemAsync(await factory.ClientAs(Roles.Auditor).GetAsync("/api/summaries?scope=block:Not%20A%20Slug"),
            HttpStatusCode.BadRequest, "validation");
    }
}
