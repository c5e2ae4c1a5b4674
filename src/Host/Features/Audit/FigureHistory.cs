using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Host.Features.Audit;

/// <summary>
/// One value a figure took, or one step that changed its standing: <c>drafted</c>, <c>submitted</c>
/// (official), <c>corrected</c>, <c>withdrawn</c> (the report was returned, so the figure is no
/// longer official) or <c>approved</c>. <see cref="Status"/> is the report's status after the event.
/// </summary>
public sealed record FigureHistoryEntry(
    decimal? Value, decimal? Previous, string Change, string Status, string Actor, DateTimeOffset RecordedAt,
    string? Reason, string? CorrelationId, long Version, string? Source = null);

/// <summary>Folds a report stream in order and keeps every event that touched one indicator's figure.</summary>
public static class FigureHistory
{
    public static IReadOnlyList<FigureHistoryEntry> Of(IEnumerable<RecordedEvent> stream, IndicatorCode indicator)
    {
        var entries = new List<FigureHistoryEntry>();
        var state = MonthlyReport.Initial;
        foreach (var recorded in stream)
        {
            if (EventSerializer.Deserialize(recorded) is not ReportEvent @event) continue;
            var before = state.ValueOf(indicator);
            state = ReportDecider.Evolve(state, @event);
            var after = state.ValueOf(indicator);
            var (change, previous, reason) = @event switch
            {
                DraftSaved when before != after => ("drafted", before, null),
                ReportSubmitted when before is not null || after is not null => ("submitted", before, null),
                FiguresCorrected c when c.Changes.FirstOrDefault(x => x.Indicator == indicator) is { } x =>
                    ("corrected", x.Previous, c.Reason),
                ReportReturned r when before is not null => ("withdrawn", before, r.Reason),
                ReportApproved when after is not null => ("approved", before, null),
                _ => ((string?)null, (decimal?)null, (string?)null),
            };
            if (change is null) continue;
            entries.Add(new FigureHistoryEntry(after, previous, change, state.Status.ToApiString(), recorded.Metadata.Actor,
                recorded.RecordedAt, recorded.Metadata.Reason ?? reason, recorded.Metadata.CorrelationId, recorded.Version,
                recorded.Metadata.Source));
        }
        return entries;
    }
}
