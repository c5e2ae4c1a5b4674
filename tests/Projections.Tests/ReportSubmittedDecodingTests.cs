using System.Text.Json;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Tests;

/// <summary>
/// A submission is read by hand on the decoding path (rebuilds decode millions); whatever the
/// body, the event must be the one the general serializer reads, or the same refusal.
/// </summary>
public sealed class ReportSubmittedDecodingTests
{
    private const string Type = "report_submitted";

    private static readonly ReportSubmitted Full = new(
        UnitId.Parse("xa-phu-my"), Month.Parse("2025-08"),
        [new FigureValue(IndicatorCode.Parse("forest-planted"), 175.158m), new FigureValue(IndicatorCode.Parse("poverty-rate"), 5.50m)],
        new Narrative("Đạt kế hoạch", null, "Tăng kinh phí \"trồng rừng\""),
        new DateTimeOffset(2025, 9, 3, 10, 15, 0, TimeSpan.FromHours(7)), true, new DateOnly(2025, 9, 5), "clerk-phu-my",
        [new FigureWarning(IndicatorCode.Parse("poverty-rate"), "outlier", "Cao gấp ba tháng trước")]);

    public static TheoryData<string> Bodies() => new()
    {
        EventSerializer.Serialize(Full).Json,
        EventSerializer.Serialize(Full with { Narrative = null, SubmittedBy = null, Warnings = null }).Json,
        EventSerializer.Serialize(Full with { Values = [.. Enumerable.Range(1, 300).Select(i => new FigureValue(IndicatorCode.Parse($"indicator-{i}"), i * 1.5m))] }).Json,
        // Another order, another spelling, a name it does not know, names missing or twice, escapes.
        """{"deadline":"2025-09-05","onTime":false,"submittedAt":"2025-09-03T10:15:00+07:00","values":[],"month":"2025-08","unit":"xa-phu-my"}""",
        """{"Unit":"xa-phu-my","Month":"2025-08","Values":[],"Narrative":null,"SubmittedAt":"2025-09-03T10:15:00Z","OnTime":true,"Deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"narrative":null,"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05","later":{"x":[1]}}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true}""",
        """{"unit":"xa-phu-my","unit":"xa-khac","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05"}""",
        """{"unit":"xa\u002Dphu-my","month":"2025-08","values":[{"indicator":"forest\u002Dplanted","value":1}],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05","submittedBy":"a"}""",
        """{"unit":"xa-phu-my","month":"202508","values":[{"value":2,"Indicator":"forest-planted"}],"submittedAt":"2025-09-03T10:15:00.1234567+07:00","onTime":true,"deadline":"2025-09-05","warnings":[]}""",
        // Bodies the serializer refuses.
        """{"unit":"Xã Phú Mỹ","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-13","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[{"indicator":"forest-planted"}],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"yesterday","onTime":true,"deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":"yes","deadline":"2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"5/9/2025"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"2025-9-5"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":"02025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[],"submittedAt":"2025-09-03T10:15:00Z","onTime":true,"deadline":" 2025-09-05"}""",
        """{"unit":"xa-phu-my","month":"2025-08","values":[]} {}""",
        """[1, 2]""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_submission_decodes_to_what_the_serializer_reads(string json)
    {
        var expected = Serializer(json);

        var decoded = EventSerializer.Decode([Recorded(json)])[0];

        if (expected.Error is not null)
        {
            Assert.Null(decoded.Event);
            Assert.Equal(expected.Error.GetType(), decoded.Unreadable?.GetType());
            return;
        }
        Assert.Null(decoded.Unreadable);
        var submitted = Assert.IsType<ReportSubmitted>(decoded.Event);
        // Equal as written, every field (the lists included) and in the serializer's own form.
        Assert.Equal(JsonSerializer.Serialize(expected.Event, EventSerializer.Options), JsonSerializer.Serialize(submitted, EventSerializer.Options));
        Assert.Equal(expected.Event!.Values, submitted.Values);
        Assert.Equal(expected.Event.Warnings, submitted.Warnings);
        Assert.Equal(expected.Event with { Values = submitted.Values, Warnings = submitted.Warnings }, submitted);
    }

    [Fact]
    public void A_page_of_submissions_decodes_each_to_its_own_figures()
    {
        var bodies = Enumerable.Range(1, 600).Select(i => EventSerializer.Serialize(Full with
        {
            Values = [.. Enumerable.Range(1, i % 150 + 1).Select(k => new FigureValue(IndicatorCode.Parse($"indicator-{k}"), i + k))],
        }).Json).ToList();

        var decoded = EventSerializer.Decode(bodies.Select(Recorded).ToList());

        for (var i = 0; i < bodies.Count; i++)
            Assert.Equal(Serializer(bodies[i]).Event!.Values, ((ReportSubmitted)decoded[i].Event!).Values);
    }

    private static (ReportSubmitted? Event, Exception? Error) Serializer(string json)
    {
        try { return (JsonSerializer.Deserialize<ReportSubmitted>(json, EventSerializer.Options), null); }
        catch (Exception e) { return (null, e); }
    }

    private static EventStore.RecordedEvent Recorded(string json) =>
        new(1, 1, "report-xa-phu-my-2025-08", 1, Type, json, new EventStore.EventMetadata("test", "test"), DateTimeOffset.UnixEpoch, Guid.NewGuid());
}
