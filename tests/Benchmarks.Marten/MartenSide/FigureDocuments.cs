using System.Collections.Concurrent;
using GovReport.Domain;
using GovReport.Domain.Reports;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>A unit's official figures for a month: those of its report while submitted or approved.</summary>
public sealed class OfficialMonth
{
    public string Id { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Month { get; set; } = "";
    public bool Official { get; set; }
    public Dictionary<string, decimal> Values { get; set; } = [];
}

/// <summary>One document per report stream, kept by the async daemon (our official_figures).</summary>
public partial class OfficialMonthProjection : SingleStreamProjection<OfficialMonth, string>
{
    public OfficialMonthProjection()
    {
        Options.BatchSize = MartenStores.DaemonBatchSize;
    }

    public void Apply(OfficialMonth m, ReportSubmitted e)
    {
        (m.Unit, m.Month, m.Official) = (e.Unit.Value, e.Month.ToString(), true);
        m.Values = e.Values.ToDictionary(v => v.Indicator.Value, v => v.Value);
    }

    public void Apply(OfficialMonth m, FiguresCorrected e)
    {
        foreach (var change in e.Changes) m.Values[change.Indicator.Value] = change.Value;
    }

    public void Apply(OfficialMonth m, ReportReturned e) => m.Official = false;
}

/// <summary>A parent unit's month: per indicator, the sum and count of its children's official figures.</summary>
public sealed class ParentMonth
{
    public string Id { get; set; } = "";
    public string Month { get; set; } = "";
    public Dictionary<string, Total> Totals { get; set; } = [];

    public sealed record Total(decimal Sum, int Count);

    public static string Key(string parent, string month) => $"{parent}|{month}";
}

/// <summary>
/// The roll-up to the province level, as a multi-stream projection: each report event goes to
/// its unit's parent, found through the inline <see cref="UnitLink"/> lookup (the docs' batch-aware
/// grouper with an in-memory cache and a database fallback). Totals move by deltas: a submission
/// adds its figures, a correction carries the previous values it replaces.
/// </summary>
public partial class ParentMonthProjection : MultiStreamProjection<ParentMonth, string>
{
    private readonly ConcurrentDictionary<string, string?> _parents = new(StringComparer.Ordinal);

    public ParentMonthProjection()
    {
        Options.BatchSize = MartenStores.DaemonBatchSize;
        // The docs' second-level cache for aggregates updated again and again: a province's month
        // is touched by every one of its communes.
        Options.CacheLimitPerTenant = 1000;
        CustomGrouping(GroupAsync);
    }

    private async Task GroupAsync(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        var reports = events.Where(e => e.Data is ReportSubmitted or FiguresCorrected).ToList();
        if (reports.Count == 0) return;
        var unknown = reports.Select(e => ((ReportEvent)e.Data).Unit.Value).Distinct().Where(u => !_parents.ContainsKey(u)).ToList();
        if (unknown.Count > 0)
        {
            var links = await session.LoadManyAsync<UnitLink>(unknown.Select(u => StreamIds.Unit(Domain.Catalogue.UnitId.Parse(u))));
            foreach (var link in links) _parents[link.Unit] = link.Parent;
        }
        foreach (var e in reports)
        {
            var report = (ReportEvent)e.Data;
            if (_parents.GetValueOrDefault(report.Unit.Value) is { } parent)
                grouping.AddEvent(ParentMonth.Key(parent, report.Month.ToString()), e);
        }
    }

    public void Apply(ParentMonth p, ReportSubmitted e)
    {
        p.Month = e.Month.ToString();
        foreach (var v in e.Values) Add(p, v.Indicator.Value, v.Value, 1);
    }

    public void Apply(ParentMonth p, FiguresCorrected e)
    {
        foreach (var c in e.Changes) Add(p, c.Indicator.Value, c.Value - (c.Previous ?? 0), c.Previous is null ? 1 : 0);
    }

    private static void Add(ParentMonth p, string indicator, decimal value, int count)
    {
        var total = p.Totals.GetValueOrDefault(indicator) ?? new ParentMonth.Total(0, 0);
        p.Totals[indicator] = new ParentMonth.Total(total.Sum + value, total.Count + count);
    }
}
