using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// A block summary's reporting status, narratives and corrections: those of each top member's
/// subtree (the same units whose figures the block adds up), put together. The subtrees are
/// disjoint, so no unit is counted twice.
/// </summary>
public sealed class BlockSummarySources(CatalogueReader catalogue, ReportingStatusQuery reporting, SummarySources sources)
{
    public async Task<IReadOnlyList<string>> MembersAsync(string block, CancellationToken ct) =>
        BlockFigures.TopMembers(await catalogue.UnitsAsync(ct), block);

    public async Task<SummaryReportingStatus> ReportingAsync(IReadOnlyList<string> members, Month month, CancellationToken ct)
    {
        var statuses = new List<ReportingStatus>();
        foreach (var member in members) statuses.Add(await reporting.RunAsync(member, Period.OfMonth(month), ct));
        return new SummaryReportingStatus(statuses.Sum(s => s.Expected), statuses.Sum(s => s.Submitted), statuses.Sum(s => s.OnTime),
            statuses.Sum(s => s.Late), statuses.Sum(s => s.Missing),
            statuses.SelectMany(s => s.Units).OrderBy(u => u.Unit, StringComparer.Ordinal)
                .Select(u => new UnitReporting(u.Unit, u.Name, u.State, u.SubmittedAt)).ToList());
    }

    public async Task<IReadOnlyList<UnitNarrative>> NarrativesAsync(IReadOnlyList<string> members, Month month, CancellationToken ct)
    {
        var narratives = new List<UnitNarrative>();
        foreach (var member in members) narratives.AddRange(await sources.NarrativesAsync(member, month, ct));
        return narratives.OrderBy(n => n.Unit, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<CorrectedFigure>> CorrectedSinceAsync(IReadOnlyList<string> members, DateTimeOffset since, CancellationToken ct)
    {
        var corrected = new List<CorrectedFigure>();
        foreach (var member in members) corrected.AddRange(await sources.CorrectedSinceAsync(member, since, ct));
        return corrected.OrderBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Indicator, StringComparer.Ordinal)
            .ThenBy(c => c.Month).ToList();
    }
}
