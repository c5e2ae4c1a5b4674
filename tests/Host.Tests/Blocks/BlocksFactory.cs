using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Tests.Summaries;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Blocks;

/// <summary>
/// The summaries host (scheduler loop off) with blocks added to the report test catalogue: two
/// departments of the city in "kinh-te", a team under one of them also in "kinh-te", and a
/// culture department in "van-hoa-xa-hoi".
/// </summary>
public class BlocksFactory : SummariesFactory
{
    public const string Economy = "kinh-te";
    public const string Culture = "van-hoa-xa-hoi";
    public const string Finance = "phong-tai-chinh-bac-kan";
    public const string Planning = "phong-kinh-te-bac-kan";
    public const string BudgetTeam = "to-thu-ngan-sach-bac-kan";
    public const string CultureOffice = "phong-van-hoa-bac-kan";
    public const string Budget = "budget-revenue";

    private static readonly EventMetadata Seed = new("test-seed", "test");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var commands = Services.GetRequiredService<StreamCommands>();
        await UnitAsync(commands, Finance, "Phòng Tài chính - Kế hoạch", UnitKind.Department, City, Economy);
        await UnitAsync(commands, Planning, "Phòng Kinh tế", UnitKind.Department, City, Economy);
        await UnitAsync(commands, BudgetTeam, "Tổ thu ngân sách", UnitKind.Centre, Finance, Economy);
        await UnitAsync(commands, CultureOffice, "Phòng Văn hóa - Thông tin", UnitKind.Department, City, Culture);
        var budget = new DefineIndicator(new IndicatorCode(Budget), "Thu ngân sách", "tỷ đồng", Aggregation.Sum, Direction.HigherIsBetter, null);
        var outcome = await commands.ExecuteAsync(StreamIds.Indicator(budget.Code), null, IndicatorDecider.Decider, budget, Seed, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }

    private static async Task UnitAsync(StreamCommands commands, string id, string name, UnitKind kind, string parent, string block)
    {
        var command = new DefineUnit(new UnitId(id), name, kind, new UnitId(parent), block);
        var outcome = await commands.ExecuteAsync(StreamIds.Unit(command.Id), null, UnitDecider.Decider, command, Seed, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }
}
