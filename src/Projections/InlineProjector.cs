using GovReport.Domain;
using GovReport.Domain.Accounts;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Reports;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Summaries;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Projections;

/// <summary>
/// The read models a writer reads back at once — catalogue, plans, reports, summaries — kept in the append's
/// own transaction. A rebuild feeds the same code whole pages of the log.
/// </summary>
public static class InlineProjector
{
    /// <summary>
    /// Runs after the append has written its stream head, which already keeps a rebuild's swap
    /// out (<see cref="Rebuild.ReadModelLock"/>): no lock of its own to take.
    /// </summary>
    public static InlineProjection Live { get; } = (connection, transaction, events, earlier, _) =>
        ApplyAsync(new ProjectionContext(connection, transaction, ReadModelSchema.Live), EventSerializer.Decode(events),
            earlier is null ? null : Reports(EventSerializer.Decode(earlier)));

    /// <summary>
    /// The same work as <see cref="Live"/> as statements that travel with the append, when it can
    /// be: a command on a report stream, whose row is folded from the stream the command read.
    /// Any other event needs the transaction (its projection reads before it writes).
    /// </summary>
    public static InlineStatements LiveStatements { get; } = (events, earlier, into) =>
    {
        var page = Reports(EventSerializer.Decode(events));
        if (page.Count != events.Count) return false;
        into.Add(ReportProjection.UpsertStatement(ReadModelSchema.Live, Reports(EventSerializer.Decode(earlier)), page));
        return true;
    };

    /// <summary>
    /// <see cref="LiveStatements"/> for a writer that holds the events as objects already: the
    /// ones it decided, in the order it appends them, and the stream's earlier events as it
    /// decoded them to decide. The report row is folded from those, not from the JSON decoded
    /// again: the JSON was written from these very objects a moment ago. An event whose stored
    /// type is not the decided one's, or earlier events other than the ones the append chains
    /// to, are decoded from the log as <see cref="LiveStatements"/> does.
    /// </summary>
    public static InlineStatements LiveStatementsFor(IReadOnlyList<object> decided, IReadOnlyList<DecodedEvent>? earlierDecoded = null) =>
        (events, earlier, into) =>
        {
            var page = Reports(Paired(events, decided));
            if (page.Count != events.Count) return false;
            var before = earlierDecoded is not null && SameEvents(earlierDecoded, earlier) ? earlierDecoded : EventSerializer.Decode(earlier);
            into.Add(ReportProjection.UpsertStatement(ReadModelSchema.Live, Reports(before), page));
            return true;
        };

    private static IReadOnlyList<DecodedEvent> Paired(IReadOnlyList<RecordedEvent> events, IReadOnlyList<object> decided)
    {
        if (decided.Count != events.Count) return EventSerializer.Decode(events);
        var paired = new DecodedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            if (EventTypes.NameOf(decided[i]) != events[i].Type) return EventSerializer.Decode(events);
            paired[i] = new DecodedEvent(events[i], decided[i]);
        }
        return paired;
    }

    private static bool SameEvents(IReadOnlyList<DecodedEvent> decoded, IReadOnlyList<RecordedEvent> recorded)
    {
        if (decoded.Count != recorded.Count) return false;
        for (var i = 0; i < decoded.Count; i++)
            if (!ReferenceEquals(decoded[i].Recorded, recorded[i])) return false;
        return true;
    }

    public static Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events) =>
        ApplyAsync(context, EventSerializer.Decode(events));

    /// <param name="earlierReports">
    /// Every earlier event of each report the page touches, when the caller knows them (an append
    /// to one stream it read): the report rows are then folded from them instead of read back.
    /// </param>
    public static async Task ApplyAsync(
        ProjectionContext context, IReadOnlyList<DecodedEvent> events,
        IReadOnlyList<(RecordedEvent, ReportEvent)>? earlierReports = null)
    {
        var reports = new List<(RecordedEvent, ReportEvent)>();
        foreach (var (recorded, @event) in events)
        {
            switch (@event)
            {
                case ReportEvent report:
                    reports.Add((recorded, report));
                    break;
                case UnitEvent unit:
                    await CatalogueProjection.ApplyAsync(context, recorded, unit);
                    break;
                case IndicatorEvent indicator:
                    await CatalogueProjection.ApplyAsync(context, recorded, indicator);
                    break;
                case PlanEvent plan:
                    await PlanProjection.ApplyAsync(context, recorded, plan);
                    break;
                case RestructuringEvent restructuring:
                    await RestructuringProjection.ApplyAsync(context, recorded, restructuring);
                    break;
                case SummaryPublished summary:
                    await SummaryProjection.ApplyAsync(context, recorded, summary);
                    break;
                case AccountEvent account:
                    await AccountProjection.ApplyAsync(context, recorded, account);
                    break;
            }
        }
        // Report rows depend only on their own stream's order, which the page keeps.
        await ReportProjection.ApplyAsync(context, reports, earlierReports);
    }

    private static List<(RecordedEvent, ReportEvent)> Reports(IReadOnlyList<DecodedEvent> events) =>
        events.Where(e => e.Event is ReportEvent).Select(e => (e.Recorded, (ReportEvent)e.Event!)).ToList();
}
