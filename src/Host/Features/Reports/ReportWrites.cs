using GovReport.Domain;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Reports;

/// <summary>
/// The one write path of monthly reports, for the API's endpoints and the web pages alike:
/// resolve the report the route names, check the caller may act on it, read the figures, and run
/// the command on the report's stream. Nothing is appended until every check has passed. Each
/// caller turns the <see cref="ReportWriteOutcome"/> into its own answer (a problem, a page).
/// </summary>
public sealed class ReportWrites(
    RequestContext context, StreamCommands commands, CatalogueReader catalogue,
    CallerAccess access, TimeProvider clock, ReportingCalendar calendar,
    NpgsqlDataSource dataSource, ProjectionFreshness freshness, IOptions<ProjectionOptions> projections,
    RestructuringQueries restructurings)
{
    public Task<ReportWriteOutcome> SaveDraftAsync(string unitId, string month, ReportBody body, long? expectedVersion, string source, CancellationToken ct) =>
        WriteAsync(unitId, month, UnitAction.File, "write", expectedVersion, source, async write =>
        {
            var values = await write.FiguresAsync(body.Values, required: false, ct);
            if (body.Values is null) write.Errors.Add("values", "Give the draft's figures: [{indicator, value}] (may be empty).");
            var narrative = ReportInput.Narrative(body.Narrative, write.Errors);
            return (() => new SaveDraft(write.Target.Unit, write.Target.Month, values!, narrative, write.By, write.Now), null);
        }, ct);

    /// <summary><see cref="SubmitReport.Judged"/> records the deadline and whether it was met on the event, so a later change of calendar never rewrites past timeliness.</summary>
    public Task<ReportWriteOutcome> SubmitAsync(string unitId, string month, ReportBody? body, long? expectedVersion, string source, CancellationToken ct) =>
        WriteAsync(unitId, month, UnitAction.File, "submit", expectedVersion, source, async write =>
        {
            var values = await write.FiguresAsync(body?.Values, required: false, ct);
            var narrative = ReportInput.Narrative(body?.Narrative, write.Errors);
            // Read only for a submission that will run: the checks warn, they never refuse. The history is
            // the official figures, folded asynchronously: wait (bounded, as reads do) for earlier months to land.
            QualityContext? quality = null;
            if (!write.Errors.Any)
            {
                await freshness.WaitUntilFreshAsync(projections.Value.ReadWait, ct);
                quality = await UnitHistory.QualityContextAsync(dataSource, catalogue, write.Target.Unit, write.Target.Month, ct);
            }
            return (() => SubmitReport.Judged(calendar, write.Target.Level,
                write.Target.Unit, write.Target.Month, values, narrative, write.By, write.Now) with { Quality = quality }, null);
        }, ct);

    public Task<ReportWriteOutcome> ReturnAsync(string unitId, string month, ReturnBody body, long? expectedVersion, string source, CancellationToken ct) =>
        WriteAsync(unitId, month, UnitAction.Review, "return", expectedVersion, source, write =>
        {
            var reason = ReportInput.Reason(body.Reason, write.Errors);
            return Task.FromResult<(Func<ReportCommand>, string?)>(
                (() => new ReturnReport(write.Target.Unit, write.Target.Month, reason!, write.By, write.Now), reason));
        }, ct);

    public Task<ReportWriteOutcome> ApproveAsync(string unitId, string month, long? expectedVersion, string source, CancellationToken ct) =>
        WriteAsync(unitId, month, UnitAction.Review, "approve", expectedVersion, source, write =>
            Task.FromResult<(Func<ReportCommand>, string?)>(
                (() => new ApproveReport(write.Target.Unit, write.Target.Month, write.By, write.Now), null)), ct);

    /// <summary>The correction is a new event beside the submission, so every earlier value stays in history.</summary>
    public Task<ReportWriteOutcome> CorrectAsync(string unitId, string month, CorrectionBody body, long? expectedVersion, string source, CancellationToken ct) =>
        WriteAsync(unitId, month, UnitAction.Correct, "correct", expectedVersion, source, async write =>
        {
            var values = await write.FiguresAsync(body.Values, required: true, ct);
            var reason = ReportInput.Reason(body.Reason, write.Errors);
            return (() => new CorrectFigures(write.Target.Unit, write.Target.Month, values!, reason!, write.By, write.Now), reason);
        }, ct);

    /// <summary>
    /// Route first (400), then the caller's right to the unit (403), then the body: the command is
    /// built (and run) only when the body had no errors.
    /// </summary>
    private async Task<ReportWriteOutcome> WriteAsync(
        string unitId, string month, UnitAction action, string what, long? expectedVersion, string source,
        Func<ReportWrite, Task<(Func<ReportCommand> Command, string? Reason)>> read, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, catalogue, today, errors, ct);
        if (target is null) return new ReportWriteOutcome(null, null, errors, null);
        if (!await access.AllowsAsync(action, target.Unit.Value, ct))
            return new ReportWriteOutcome(target, $"You may not {what} the report of {target.Unit}.", errors, null);
        if (await RetiredAsync(target, ct) is { } retired) return new ReportWriteOutcome(target, null, errors, null) { Refused = retired };

        var write = new ReportWrite(target, now, today, errors, context.CurrentUser!.Subject, catalogue);
        var (command, reason) = await read(write);
        if (errors.Any) return new ReportWriteOutcome(target, null, errors, null);
        var decided = command();
        var outcome = await commands.ExecuteAsync(
            StreamIds.Report(target.Unit, target.Month), expectedVersion, ReportDecider.Decider,
            decided, Features.Catalogue.CommandProblems.Metadata(context, reason, source), LikelyNew(decided), ct);
        return new ReportWriteOutcome(target, null, errors, outcome);
    }

    /// <summary>
    /// A submission usually opens the month's report (most units submit without a draft first), so
    /// it is sent without reading the stream first (<see cref="StreamCommands"/>' likelyNew). When a
    /// draft or a returned report exists, it still takes the two round trips of a read and an
    /// append (the refused append shows in the server's log as a stale append). Drafts and reviews
    /// usually find their stream, so they read first.
    /// </summary>
    public static bool LikelyNew(ReportCommand command) => command is SubmitReport;

    /// <summary>
    /// From a restructuring's effective month on, a merged, split or dissolved unit files nothing:
    /// 409 <c>unit-merged</c> (naming the successors) or <c>unit-dissolved</c>. Every report write
    /// passes here, so none slips past.
    /// </summary>
    private async Task<ProblemHttpResult?> RetiredAsync(ReportTarget target, CancellationToken ct)
    {
        if (await Restructurings.RetiredUnit.RetiringAsync(restructurings, target, ct) is not { } r) return null;
        var successors = r.Successors.Select(s => s.Unit.Value).ToList();
        var problem = Problems.Conflict(
            r.Kind == Domain.Restructurings.RestructuringKind.Dissolve ? Domain.Errors.ErrorCodes.UnitDissolved : Domain.Errors.ErrorCodes.UnitMerged,
            Restructurings.RetiredUnit.Message(r, target));
        problem.ProblemDetails.Extensions["restructuring"] = r.Id;
        problem.ProblemDetails.Extensions["effectiveMonth"] = r.EffectiveMonth.ToString();
        if (successors.Count > 0)
        {
            problem.ProblemDetails.Extensions["successor"] = successors[0];
            problem.ProblemDetails.Extensions["successors"] = successors;
        }
        return problem;
    }
}

/// <summary>A report write past its opening: the report it addresses, when, by whom, and the body's errors so far.</summary>
internal sealed class ReportWrite(ReportTarget target, DateTimeOffset now, DateOnly today, InputErrors errors, string by, CatalogueReader catalogue)
{
    public ReportTarget Target => target;
    public DateTimeOffset Now => now;
    public DateOnly Today => today;
    public InputErrors Errors => errors;
    public string By => by;

    public Task<IReadOnlyList<FigureValue>?> FiguresAsync(IReadOnlyList<FigureInput?>? values, bool required, CancellationToken ct) =>
        ReportInput.FiguresAsync(values, required, target, today, catalogue, errors, ct);
}

/// <summary>
/// How a report write ended: refused for its route or body (<see cref="Errors"/>), refused to the
/// caller (<see cref="Forbidden"/>), or run (<see cref="Command"/>, which may still carry the
/// decider's refusal or a stale version).
/// </summary>
public sealed record ReportWriteOutcome(
    ReportTarget? Target, string? Forbidden, InputErrors Errors, CommandOutcome<MonthlyReport>? Command)
{
    /// <summary>Refused for the unit's place in the tree (a merged or dissolved unit): a 409 problem.</summary>
    public ProblemHttpResult? Refused { get; init; }

    public bool Succeeded => Command is { Succeeded: true };

    public ProblemHttpResult? Problem =>
        Refused is not null ? Refused
        : Forbidden is not null ? Problems.Forbidden(Forbidden)
        : Command is null ? Errors.ToProblem()
        : DomainProblems.For(Command);

    /// <summary>The API's answer: the report with its ETag, or the problem.</summary>
    public Results<Ok<ReportResponse>, ProblemHttpResult> ToHttp(HttpResponse response)
    {
        if (Problem is { } problem) return problem;
        response.Headers.ETag = ETags.For(Command!.Version);
        return TypedResults.Ok(ReportResponse.From(Command.State, Command.Version));
    }
}
