using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests.Reports;

/// <summary>
/// A small catalogue written through the deciders (the catalogue endpoints are built elsewhere):
/// the city bac-kan with two communes, a department of another city, and three indicators.
/// </summary>
public static class ReportTestData
{
    public const string City = "bac-kan";
    public const string Commune = "xa-nong-thuong";
    public const string OtherCommune = "xa-duong-quang";
    public const string OtherCity = "cho-moi";
    public const string ForeignUnit = "phong-y-te-cho-moi";

    public const string Forest = "forest-planted";
    public const string Patients = "patients-per-day";
    public const string Poverty = "poverty-rate";

    /// <summary>1 September 2022, 15:00 in Vietnam: August's reports are due, September's has begun.</summary>
    public static readonly DateTimeOffset Today = new(2022, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(ReportsFactory factory)
    {
        var commands = factory.Services.GetRequiredService<StreamCommands>();
        await UnitAsync(commands, City, "UBND thành phố Bắc Kạn", UnitKind.City, null);
        await UnitAsync(commands, Commune, "Xã Nông Thượng", UnitKind.Commune, City);
        await UnitAsync(commands, OtherCommune, "Xã Dương Quang", UnitKind.Commune, City);
        await UnitAsync(commands, OtherCity, "UBND huyện Chợ Mới", UnitKind.District, null);
        await UnitAsync(commands, ForeignUnit, "Phòng Y tế Chợ Mới", UnitKind.Department, OtherCity);
        await IndicatorAsync(commands, Forest, "Trồng rừng", "ha", Aggregation.Sum, Direction.HigherIsBetter);
        await IndicatorAsync(commands, Patients, "Lượt khám bệnh", "lượt/ngày", Aggregation.PerDay, Direction.HigherIsBetter);
        await IndicatorAsync(commands, Poverty, "Tỷ lệ hộ nghèo", "%", Aggregation.Last, Direction.LowerIsBetter);
    }

    private static readonly EventMetadata Seed = new("test-seed", "test");

    private static async Task UnitAsync(StreamCommands commands, string id, string name, UnitKind kind, string? parent)
    {
        var command = new DefineUnit(new UnitId(id), name, kind, parent is null ? null : new UnitId(parent), null);
        var outcome = await commands.ExecuteAsync(StreamIds.Unit(command.Id), null, UnitDecider.Decider, command, Seed, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }

    private static async Task IndicatorAsync(
        StreamCommands commands, string code, string name, string measure, Aggregation aggregation, Direction direction)
    {
        var command = new DefineIndicator(new IndicatorCode(code), name, measure, aggregation, direction, null);
        var outcome = await commands.ExecuteAsync(StreamIds.Indicator(command.Code), null, IndicatorDecider.Decider, command, Seed, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
    }
}
