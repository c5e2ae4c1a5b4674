using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary>
/// What every report write shares, bound from the request with <c>[AsParameters]</c>: resolve the
/// report the route names, check the caller may act on it, read the body's figures, and run the
/// command on the report's stream. Nothing is appended until every check has passed.
/// </summary>
internal sealed record ReportWriter(
    HttpContext Http, RequestContext Context, StreamCommands Commands, CatalogueReader Catalogue,
    CallerAccess Access, TimeProvider Clock, ReportingCalendar Calendar, RestructuringQueries Restructurings)
{
    /// <summary>The report to write, or the problem that stops the request before its body is read.</summary>
    public async Task<(ReportWrite? Write, ProblemHttpResult? Refused)> OpenAsync(
        string unitId, string month, UnitAction action, string what, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var today = ReportInput.Today(now);
        var errors = new InputErrors();
        var target = await ReportInput.ResolveAsync(unitId, month, Catalogue, today, errors, ct);
        if (target is null) return (null, errors.ToProblem());
        if (!await Access.AllowsAsync(action, target.Unit.Value, ct))
            return (null, Problems.Forbidden($"You may not {what} the report of {target.Unit}."));
        if (await RetiredAsync(target, ct) is { } retired) return (null, retired);
        return (new ReportWrite(this, target, now, today, errors, Context.CurrentUser!.Subject), null);
    }

    /// <summary>
    /// From a restructuring's effective month on, a merged, split or dissolved unit files nothing:
    /// 409 <c>unit-merged</c> (naming the successors) or <c>unit-dissolved</c>. Every report write
    /// passes here, so none slips past.
    /// </summary>
    private async Task<ProblemHttpResult?> RetiredAsync(ReportTarget target, CancellationToken ct)
    {
        if (await Restructurings.RetirementAsync(target.Unit.Value, ct) is not { } r || r.EffectiveMonth > target.Month) return null;
        var successors = r.Successors.Select(s => s.Unit.Value).ToList();
        var problem = r.Kind == Domain.Restructurings.RestructuringKind.Dissolve
            ? Problems.Conflict(Domain.Errors.ErrorCodes.UnitDissolved,
                $"{target.Unit} was dissolved from {r.EffectiveMonth} ({r.Decision}); it reports nothing for {target.Month}.")
            : Problems.Conflict(Domain.Errors.ErrorCodes.UnitMerged,
                $"{target.Unit} was {Domain.Restructurings.RestructuringDecider.Verb(r.Kind)} into {string.Join(", ", successors)} from {r.EffectiveMonth} ({r.Decision}); "
                + $"report {target.Month} as {string.Join(" or ", successors)}.");
        problem.ProblemDetails.Extensions["restructuring"] = r.Id;
        problem.ProblemDetails.Extensions["effectiveMonth"] = r.EffectiveMonth.ToString();
        if (successors.Count > 0)
        {
            problem.ProblemDetails.Extensions["successor"] = successors[0];
            problem.ProblemDetails.Extensions["successors"] = successors;
        }
        return problem;
    }

    internal async Task<IReadOnlyList<FigureValue>?> FiguresAsync(
        ReportWrite write, IReadOnlyList<FigureInput?>? values, bool required, CancellationToken ct) =>
        await ReportInput.FiguresAsync(values, required, write.Target, write.Today, Catalogue, write.Errors, ct);

    internal async Task<Results<Ok<ReportResponse>, ProblemHttpResult>> ExecuteAsync(
        ReportWrite write, Func<ReportCommand> command, string? reason, CancellationToken ct)
    {
        if (write.Errors.Any) return write.Errors.ToProblem();
        var outcome = await Commands.ExecuteAsync(
            StreamIds.Report(write.Target.Unit, write.Target.Month), ETags.FromIfMatch(Http.Request), ReportDecider.Decider,
            command(), Features.Catalogue.CommandProblems.Metadata(Context, reason), ct);
        if (DomainProblems.For(outcome) is { } problem) return problem;

        Http.Response.Headers.ETag = ETags.For(outcome.Version);
        return TypedResults.Ok(ReportResponse.From(outcome.State, outcome.Version));
    }
}

/// <summary>A report write past its opening: the report it addresses, when, by whom, and the body's errors so far.</summary>
internal sealed class ReportWrite(
    ReportWriter writer, ReportTarget target, DateTimeOffset now, DateOnly today, InputErrors errors, string by)
{
    public ReportTarget Target => target;
    public DateTimeOffset Now => now;
    public DateOnly Today => today;
    public InputErrors Errors => errors;
    public string By => by;
    public ReportingCalendar Calendar => writer.Calendar;

    public Task<IReadOnlyList<FigureValue>?> FiguresAsync(IReadOnlyList<FigureInput?>? values, bool required, CancellationToken ct) =>
        writer.FiguresAsync(this, values, required, ct);

    /// <summary>Runs the command unless the body had errors; <paramref name="command"/> is built only when it runs.</summary>
    public Task<Results<Ok<ReportResponse>, ProblemHttpResult>> ExecuteAsync(Func<ReportCommand> command, string? reason, CancellationToken ct) =>
        writer.ExecuteAsync(this, command, reason, ct);
}
