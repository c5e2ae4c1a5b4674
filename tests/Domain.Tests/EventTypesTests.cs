using System.Text.Json;
using System.Text.RegularExpressions;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Targets;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests;

public class EventTypesTests
{
    private static readonly Type[] StreamEventBases = [typeof(UnitEvent), typeof(IndicatorEvent), typeof(PlanEvent), typeof(ReportEvent), typeof(GovReport.Domain.Summaries.SummaryEvent), typeof(GovReport.Domain.Accounts.AccountEvent), typeof(RestructuringEvent)];

    private static IEnumerable<Type> EveryEventType() =>
        typeof(EventTypes).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && StreamEventBases.Any(b => b.IsAssignableFrom(t)));

    [Fact]
    public void Every_event_record_has_exactly_one_unique_snake_case_name()
    {
        var types = EveryEventType().ToList();
        Assert.Equal(30, types.Count); // account_moved_to_successor is the thirtieth
        foreach (var type in types)
        {
            var name = EventTypes.NameOf(type);
            Assert.Matches(new Regex("^[a-z]+(_[a-z]+)*$"), name);
            Assert.Equal(type, EventTypes.ByName[name]);
            Assert.Single(EventTypes.ByName, p => p.Value == type);
        }

        Assert.Equal(types.Count, EventTypes.ByName.Count);
        Assert.Equal("report_submitted", EventTypes.NameOf(typeof(ReportSubmitted)));
        Assert.Equal("figures_corrected", EventTypes.NameOf(typeof(FiguresCorrected)));
    }

    [Fact]
    public void Unknown_types_have_no_name() =>
        Assert.Throws<ArgumentException>(() => EventTypes.NameOf(typeof(string)));

    public static TheoryData<object> Samples()
    {
        var unit = UnitId.Parse("bac-kan");
        var code = IndicatorCode.Parse("forest-planted");
        var month = new Month(2022, 8);
        var at = new DateTimeOffset(2022, 9, 2, 9, 0, 0, TimeSpan.FromHours(7));
        TargetLine[] lines = [new(code, 155m, Enumerable.Repeat(12.9m, 12).ToArray()), new(IndicatorCode.Parse("budget-revenue"), 143m)];
        return new TheoryData<object>
        {
            new UnitRegistered(unit, "Tỉnh Bắc Kạn", UnitKind.Province, null, "kinh-te"),
            new UnitRenamed(unit, "Tỉnh Thái Nguyên", "Tỉnh Bắc Kạn"),
            new UnitMoved(unit, UnitId.Parse("viet-nam"), null),
            new UnitReclassified(unit, UnitKind.City, null),
            new IndicatorDefined(code, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null),
            new IndicatorRevised(code, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, "nong-nghiep", true),
            new AnnualTargetsSet(unit, 2022, lines, "QĐ 12", "planner", at),
            new AnnualTargetsRevised(unit, 2022, lines, null, "Điều chỉnh", null, null),
            new DraftSaved(unit, month, [new(code, 175.158m)], null),
            new ReportSubmitted(unit, month, [new(code, 175.158m)], new Narrative("Kết quả", null, "Kiến nghị"), at, true, new DateOnly(2022, 9, 5)),
            new ReportReturned(unit, month, "Thiếu số liệu"),
            new ReportApproved(unit, month),
            new FiguresCorrected(unit, month, [new(code, null, 1m), new(code, 175.158m, 176m)], "Cập nhật"),
            new GovReport.Domain.Accounts.AccountRegistered("can-bo.nt", "Nguyễn Thị Hoa"),
            new GovReport.Domain.Accounts.UnitGranted("can-bo.nt", unit),
            new UnitsMerged("rs-1", new Month(2025, 7), "NQ 1683", null, [unit, UnitId.Parse("cho-moi")], UnitId.Parse("thai-nguyen")),
            new UnitSplit("rs-2", new Month(2025, 7), "NQ 1683", "Chia tách", unit, [new(UnitId.Parse("a-b"), 0.4m), new(UnitId.Parse("c-d"), 0.6m)]),
            new UnitTransferred("rs-3", new Month(2025, 7), "NQ 1683", null, unit, UnitId.Parse("thai-nguyen"), null),
            new UnitRenamedByDecision("rs-4", new Month(2025, 7), "NQ 1683", null, unit, "Phường Bắc Kạn", "Thành phố Bắc Kạn"),
            new UnitDissolved("rs-5", new Month(2025, 7), "NQ 1683", null, unit),
            new RestructuringReverted("rs-5", "Nhầm", RestructuringKind.Dissolve, new Month(2025, 7), [unit], null, null),
        };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_event_round_trips_through_json(object @event)
    {
        var type = @event.GetType();
        var json = JsonSerializer.Serialize(@event, type);
        var back = JsonSerializer.Deserialize(json, type)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, type));
        Assert.Contains(EventTypes.NameOf(type), EventTypes.ByName.Keys);
    }

    [Fact]
    public void Identifiers_and_months_are_written_as_plain_strings()
    {
        var json = JsonSerializer.Serialize(new ReportApproved(UnitId.Parse("bac-kan"), new Month(2022, 8)));
        Assert.Equal("""{"Unit":"bac-kan","Month":"2022-08"}""", json);
    }

    [Fact]
    public void Stream_ids_start_with_the_kind_and_the_unit()
    {
        var unit = UnitId.Parse("bac-kan");
        Assert.Equal("report-bac-kan-2022-08", StreamIds.Report(unit, new Month(2022, 8)));
        Assert.Equal("unit-bac-kan", StreamIds.Unit(unit));
        Assert.Equal("indicator-forest-planted", StreamIds.Indicator(IndicatorCode.Parse("forest-planted")));
        Assert.Equal("plan-bac-kan-2022", StreamIds.Plan(unit, 2022));
    }
}
