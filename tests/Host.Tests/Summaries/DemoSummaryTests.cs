using System.Net.Http.Headers;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Seed;
using GovReport.Host.Features.Summaries;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovReport.Host.Tests.Summaries;

/// <summary>The demo as ops/run loads it, with the clock past August 2022's deadline.</summary>
public sealed class DemoSummaryFactory : GovReportFactory
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2022, 9, 20, 8, 0, 0, TimeSpan.Zero));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DemoSeed.RunAsync(Services, default);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public HttpClient Auditor()
    {
        var client = CreateClient();
        var token = TokenIssuer.Create(AuthOptions, "auditor", [Roles.Auditor], [], Clock.GetUtcNow());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class DemoSummaryTests(DemoSummaryFactory factory) : IClassFixture<DemoSummaryFactory>
{
    [Fact]
    public async Task After_the_august_2022_deadline_the_city_summary_says_what_the_briefing_said()
    {
        await factory.Services.GetRequiredService<SummaryScheduler>().RunOnceAsync(default);

        var summary = await factory.Auditor().GetAsync("/api/summaries/summary-bac-kan-2022-08").JsonAsync();

        Assert.Contains("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", summary.Lines());
        Assert.Contains(summary.Lines(), l => l.StartsWith("Thu ngân sách nhà nước trên địa bàn đạt 119,6 tỷ đồng", StringComparison.Ordinal));
        Assert.Contains(summary.Lines(), l => l.StartsWith("Có 1/17 đơn vị chưa gửi báo cáo", StringComparison.Ordinal));
        Assert.Equal(175.158m, summary.Row("ytd", "forest-planted").GetProperty("actual").GetDecimal());
    }
}
