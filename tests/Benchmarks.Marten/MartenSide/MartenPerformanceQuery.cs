using GovReport.Domain.Targets;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.Figures;
using GovReport.Projections.Queries.Performance;
using Marten;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>
/// The comparison our PerformanceQuery answers, read from Marten's documents: the catalogue, the
/// plan, and the figures: a unit without children its official months, a province its roll-up
/// documents, a unit above provinces the roll-ups of its children combined at query time. The
/// rows come from the same pure calculator, so both sides return the same answer.
/// </summary>
public sealed class MartenPerformanceQuery(IDocumentStore store)
{
    public async Task<IReadOnlyList<PerformanceRow>> YtdAsync(UnitId unit, Month month)
    {
        await using var session = store.QuerySession();
        var indicators = (await session.Query<IndicatorDocument>().ToListAsync())
            .Select(d => d.ToIndicator()).OrderBy(i => i.Code.Value, StringComparer.Ordinal).ToList();
        var aggregations = indicators.ToDictionary(i => i.Code.Value, i => i.Aggregation.ToApiString(), StringComparer.Ordinal);
        var months = PerformanceViews.Months(PerformanceView.Ytd, month);
        var wanted = months.Concat(months.Select(m => m.SameMonthLastYear)).ToList();
        var children = await session.Query<UnitLink>().Where(x => x.Parent == unit.Value).Select(x => x.Unit).ToListAsync();

        var figures = new Dictionary<(string, Month), decimal>();
        if (children.Count == 0)
        {
            var official = await session.LoadManyAsync<OfficialMonth>(wanted.Select(m => StreamIds.Report(unit, m)));
            foreach (var m in official.Where(o => o.Official))
                foreach (var (indicator, value) in m.Values) figures[(indicator, Month.Parse(m.Month))] = value;
        }
        else
        {
            var own = await session.LoadManyAsync<ParentMonth>(wanted.Select(m => ParentMonth.Key(unit.Value, m.ToString())));
            if (own.Count > 0)
            {
                foreach (var p in own)
                    foreach (var (indicator, value) in Effective(p, aggregations)) figures[(indicator, Month.Parse(p.Month))] = value;
            }
            else
            {
                // Above the provinces: each child's effective figures, combined by the same rule our roll-up uses.
                var below = await session.LoadManyAsync<ParentMonth>(
                    children.SelectMany(c => wanted.Select(m => ParentMonth.Key(c, m.ToString()))));
                foreach (var group in below.GroupBy(p => p.Month))
                    foreach (var (indicator, value) in Rollup.Effective(null, group.Select(p => Effective(p, aggregations)).ToList(), aggregations))
                        figures[(indicator, Month.Parse(group.Key))] = value;
            }
        }
        var plan = await session.LoadAsync<PlanDocument>(StreamIds.Plan(unit, month.Year));
        return PerformanceCalculator.Rows(indicators, figures, InForce(plan, month), month, PerformanceView.Ytd);
    }

    private static Dictionary<string, decimal> Effective(ParentMonth p, IReadOnlyDictionary<string, string> aggregations)
    {
        var effective = new Dictionary<string, decimal>(p.Totals.Count, StringComparer.Ordinal);
        foreach (var (indicator, total) in p.Totals)
        {
            var aggregation = aggregations.TryGetValue(indicator, out var a) ? Aggregations.Parse(a) : Aggregation.Sum;
            if (Domain.Aggregation.UnitRollup.FromTotal(aggregation, total.Sum, total.Count) is { } value) effective[indicator] = value;
        }
        return effective;
    }

    /// <summary>Our rule for the revision in force, the domain's.</summary>
    private static PlanInForce? InForce(PlanDocument? plan, Month month)
    {
        if (plan is null || plan.Revisions.Count == 0) return null;
        var revision = new AnnualPlan(default, month.Year, plan.Revisions.Select(r => r.Revision with { At = r.SetAt }).ToList()).InForceFor(month);
        return new PlanInForce(revision, revision.At!.Value);
    }
}
