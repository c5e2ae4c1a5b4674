using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Periods;

/// <summary>The dates a period's figures are collected over: the calendar period, or Decree 09's window cut off on the 14th.</summary>
public sealed record DataWindowView(DateOnly From, DateOnly To);

/// <summary>The last day a unit at each level may submit the period's report on time.</summary>
public sealed record DeadlinesView(DateOnly Commune, DateOnly Department, DateOnly District, DateOnly City, DateOnly Province);

/// <summary>
/// A period in its canonical id (<c>2022-08</c>, <c>2022Q3</c>, <c>2022S1</c>, <c>2022</c>), with its
/// Vietnamese label, months, and the deployment's data window and deadlines.
/// </summary>
public sealed record PeriodView(
    string Id, string Kind, DateOnly Start, DateOnly End, string Label, IReadOnlyList<string> Months,
    string Convention, DataWindowView DataWindow, DeadlinesView Deadlines);

internal static class GetPeriodEndpoint
{
    public static RouteHandlerBuilder MapGetPeriod(this RouteGroupBuilder periods) => periods
        .MapGet("/{periodId}", Handle)
        .RequireAuthorization(Policies.ReadFigures)
        .WithName("GetPeriod")
        .WithSummary("A period: its dates, Vietnamese label, data window and submission deadline per level.")
        .WithDescription("periodId is a month (2022-08 or 202208), a quarter (2022Q3), a half year (2022S1, 2022S2) or a year "
            + "(2022); the answer's id is the canonical form. kind is month, quarter, half or year; dates are yyyy-MM-dd.")
        .ProducesValidationProblem();

    internal static Results<Ok<PeriodView>, ProblemHttpResult> Handle(
        string periodId, ReportingCalendar calendar, TimeProvider clock)
    {
        if (!PeriodInput.TryPeriod(periodId, PeriodInput.Today(clock), out var parsed, out var error))
        {
            var errors = new InputErrors();
            errors.Add("periodId", error!);
            return errors.ToProblem();
        }

        var period = parsed!;
        var (from, to) = calendar.DataWindow(period);
        return TypedResults.Ok(new PeriodView(
            period.Id,
            period.Kind.ToString().ToLowerInvariant(),
            period.Start,
            period.End,
            period.Label,
            period.Months.Select(m => m.ToString()).ToList(),
            calendar.Options.Convention == CalendarConvention.Decree09 ? "decree-09" : "calendar-months",
            new DataWindowView(from, to),
            new DeadlinesView(
                calendar.Deadline(period, UnitLevel.Commune),
                calendar.Deadline(period, UnitLevel.Department),
                calendar.Deadline(period, UnitLevel.District),
                calendar.Deadline(period, UnitLevel.City),
                calendar.Deadline(period, UnitLevel.Province))));
    }
}
