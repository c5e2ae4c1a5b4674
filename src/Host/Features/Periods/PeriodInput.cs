using GovReport.Domain.Periods;

namespace GovReport.Host.Features.Periods;

/// <summary>
/// The one parser of the periods, months and years a request names: the shape from the domain,
/// then <see cref="PeriodBounds"/> against today's date in Vietnam. Every endpoint that takes
/// one goes through here, so none can reach a year the calendar arithmetic cannot hold.
/// </summary>
internal static class PeriodInput
{
    public static DateOnly Today(TimeProvider clock) => ReportingCalendar.LocalDate(clock.GetUtcNow());

    public static bool TryPeriod(string? text, DateOnly today, out Period? period, out string? error)
    {
        if (!Period.TryParse(text, out period, out error)) return false;
        error = PeriodBounds.Check(period!, today);
        if (error is null) return true;
        period = null;
        return false;
    }

    public static bool TryMonth(string? text, DateOnly today, out Month month, out string? error)
    {
        if (!Month.TryParse(text, out month, out error)) return false;
        error = PeriodBounds.Check(month, today);
        if (error is null) return true;
        month = default;
        return false;
    }

    public static bool TryYear(int year, DateOnly today, out string? error) =>
        (error = PeriodBounds.Check(year, today)) is null;
}
