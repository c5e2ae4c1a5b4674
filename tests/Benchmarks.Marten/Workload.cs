using GovReport.Benchmarks.National;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.Serialization;

namespace GovReport.Benchmarks.SideBySide;

/// <summary>A batch of new streams as domain events: each side serializes them its own way, on the clock.</summary>
public sealed record StreamBatch(IReadOnlyList<(string StreamId, object[] Events)> Streams)
{
    public long EventCount => Streams.Sum(s => (long)s.Events.Length);
}

/// <summary>
/// The national workload of tests/Benchmarks/National (the same generator), handed to both sides
/// as the same domain events and the same commands.
/// </summary>
public sealed class Workload(Country country, int commands)
{
    public const int StreamsPerBatch = 1_000;

    public Country Country { get; } = country;

    /// <summary>The catalogue first (reports refer to it), then the reports, a thousand streams per batch.</summary>
    public IEnumerable<StreamBatch> Batches()
    {
        yield return Decode(Country.Catalogue());
        foreach (var chunk in Country.Reports().Chunk(StreamsPerBatch)) yield return Decode(chunk);
    }

    private static StreamBatch Decode(IEnumerable<GovReport.EventStore.StreamAppend> streams) =>
        new(streams.Select(s => (s.StreamId, s.Events.Select(e => EventSerializer.Deserialize(e.Type, e.Data)!).ToArray())).ToList());

    /// <summary>The month after the generated ones: every submission in it starts a new stream.</summary>
    public Month NewMonth => Country.Months[^1].AddMonths(1);

    public Month LastMonth => Country.Months[^1];

    /// <summary>A new report submitted per commune, figures for every indicator.</summary>
    public IReadOnlyList<SubmitReport> Submissions()
    {
        var random = new Random(15);
        var month = NewMonth;
        var at = new DateTimeOffset(month.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        return Country.Communes.Take(commands).Select(c => new SubmitReport(UnitId.Parse(c.Commune), month,
            Country.Indicators.Select(code => new FigureValue(IndicatorCode.Parse(code), Math.Round((decimal)random.NextDouble() * 100m, 3))).ToList(),
            null, true, month.End.AddDays(5), "benchmark", at)).ToList();
    }

    /// <summary>An approval per commune of last month's report, which the load submitted: read, decide, append at the version read.</summary>
    public IReadOnlyList<ApproveReport> Approvals()
    {
        var at = new DateTimeOffset(LastMonth.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(10);
        return Country.Communes.Take(commands).Select(c => new ApproveReport(UnitId.Parse(c.Commune), LastMonth, "benchmark-approver", at)).ToList();
    }

    /// <summary>
    /// Untimed commands of both kinds on streams the timed ones never touch (the month after the
    /// new one, the month before the last), so neither side pays its first-call costs on the clock.
    /// </summary>
    public IReadOnlyList<ReportCommand> WarmUps()
    {
        var later = NewMonth.AddMonths(1);
        var earlier = LastMonth.AddMonths(-1);
        var at = new DateTimeOffset(later.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        var units = Country.Communes.Take(5).Select(c => UnitId.Parse(c.Commune)).ToList();
        return
        [
            .. units.Select(u => new SubmitReport(u, later, [new FigureValue(IndicatorCode.Parse(Country.Indicators[0]), 1m)], null, true, later.End.AddDays(5), "benchmark", at)),
            .. units.Select(u => (ReportCommand)new ApproveReport(u, earlier, "benchmark-approver", at)),
        ];
    }

    /// <summary>The ytd queries of the national suite: August of the last year, random units, a fixed seed.</summary>
    public Month YtdMonth => Country.Months[^1].AddMonths(-4);
}
