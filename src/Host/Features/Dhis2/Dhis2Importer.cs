using GovReport.Domain;
using GovReport.Domain.Interop;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Dhis2;

/// <summary>DHIS2's import strategies this service honours; DELETE is refused, since history is never deleted.</summary>
internal enum ImportStrategy { CreateAndUpdate, Create, Update }

/// <summary>
/// Imports data values as reports, one (unit, month) at a time, through the checks and decider
/// of the report API (<see cref="ReportInput"/>, <see cref="ReportDecider"/>, <see cref="StreamCommands"/>):
/// a unit-month without a submitted report becomes a submission of the payload's figures; one
/// already submitted or approved gets a correction of the figures that differ, and nothing when
/// none does, so a repeated payload appends nothing. Every event names the payload's SHA-256 as
/// its source. A unit-month with any bad value, or of a unit merged, split or dissolved by then,
/// is a conflict and gets nothing; the others go in.
/// </summary>
internal sealed class Dhis2Importer(
    StreamCommands commands, CatalogueReader catalogue, CallerAccess access, ReportingCalendar calendar,
    TimeProvider clock, RequestContext context, RestructuringQueries restructurings)
{
    public async Task<(Dhis2ImportSummary? Summary, ProblemHttpResult? Refused)> ImportAsync(
        IReadOnlyList<Dhis2DataValue> values, Dhis2Mapping mapping, Func<Dhis2DataValue, (bool, Month, string?)>? period,
        string sha256, ImportStrategy strategy, bool dryRun, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var (groups, grouping) = Dhis2Import.Group(values, mapping, period);
        var conflicts = grouping.ToList();

        // Every unit-month is checked, and every unit authorised, before anything is appended.
        // Which of the payload's units were merged, split or dissolved: one read for the whole payload.
        var retirements = await restructurings.RetirementsAsync(groups.Select(g => g.Unit.Value).Distinct().ToList(), ct);
        var ready = new List<(Dhis2ReportGroup Group, ReportTarget Target, IReadOnlyList<FigureValue> Figures)>();
        foreach (var group in groups)
        {
            var errors = new InputErrors();
            var first = values[group.Indexes[0]];
            var target = await ReportInput.ResolveAsync(group.Unit.Value, group.Month.ToString(), catalogue, today, errors, ct);
            if (target is null)
            {
                foreach (var (field, message) in errors.All)
                    conflicts.AddRange(group.Indexes.Select(i => new Dhis2Conflict(field == "unitId" ? first.OrgUnit ?? "" : first.Period ?? "", message, i)));
                continue;
            }
            // A merged, split or dissolved unit files nothing from the effective month, as on the report API.
            if (Restructurings.RetiredUnit.Retiring(retirements, target) is { } retired)
            {
                var message = Restructurings.RetiredUnit.Message(retired, target);
                conflicts.AddRange(group.Indexes.Select(i => new Dhis2Conflict(first.OrgUnit ?? "", message, i)));
                continue;
            }
            var inputs = group.Figures.Select(f => (FigureInput?)new FigureInput(f.Indicator.Value, f.Value)).ToList();
            var figures = await ReportInput.FiguresAsync(inputs, required: true, target, today, catalogue, errors, ct);
            if (errors.Any || figures is null)
            {
                // A bad figure names its value; an error of the report as a whole names each of its values.
                foreach (var (field, message) in errors.All)
                {
                    if (ValueIndex(field) is { } at && at < group.Indexes.Count)
                        conflicts.Add(new Dhis2Conflict(values[group.Indexes[at]].DataElement ?? "", message, group.Indexes[at]));
                    else
                        conflicts.AddRange(group.Indexes.Select(i => new Dhis2Conflict(first.OrgUnit ?? "", message, i)));
                }
                continue;
            }
            ready.Add((group, target, figures));
        }
        foreach (var unit in ready.Select(r => r.Target.Unit.Value).Distinct())
            if (!await access.AllowsAsync(UnitAction.File, unit, ct))
                return (null, Problems.Forbidden($"You may not import figures for {unit}; nothing was imported."));

        var user = context.CurrentUser!;
        var (imported, updated) = (0, 0);
        foreach (var (group, target, figures) in ready)
        {
            var stream = StreamIds.Report(target.Unit, target.Month);
            var (report, _) = await commands.LoadAsync(stream, ReportDecider.Decider, null, ct);
            ReportCommand? command = null;
            var (created, changed) = (0, 0);
            if (report.Status is ReportStatus.Submitted or ReportStatus.Approved)
            {
                var changes = figures.Where(f => report.ValueOf(f.Indicator) != f.Value).ToList();
                if (changes.Count > 0 && strategy != ImportStrategy.Create)
                {
                    command = new CorrectFigures(target.Unit, target.Month, changes, $"DHIS2 import sha256:{sha256}", user.Subject, now);
                    changed = changes.Count;
                }
            }
            else if (strategy != ImportStrategy.Update)
            {
                command = SubmitReport.Judged(calendar, target.Level, target.Unit, target.Month, figures, null, user.Subject, now);
                created = figures.Count;
            }
            if (command is null) continue;
            if (!dryRun)
            {
                var outcome = await commands.ExecuteAsync(stream, null, ReportDecider.Decider, command,
                    new EventMetadata(user.Subject, $"dhis2:sha256:{sha256}", context.CorrelationId, Reason: "imported from DHIS2"), ct);
                if (outcome.Error is { } refused)
                {
                    conflicts.AddRange(group.Indexes.Select(i => new Dhis2Conflict(values[i].OrgUnit ?? "", refused.Message, i)));
                    continue;
                }
            }
            imported += created;
            updated += changed;
        }
        return (Dhis2ImportSummary.Of(values.Count, imported, updated, conflicts), null);
    }

    private static int? ValueIndex(string field)
    {
        if (!field.StartsWith("values[", StringComparison.Ordinal)) return null;
        var end = field.IndexOf(']');
        return end > 7 && int.TryParse(field.AsSpan(7, end - 7), out var i) ? i : null;
    }
}
