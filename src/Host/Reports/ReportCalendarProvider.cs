using GovReport.Domain.Periods;

namespace GovReport.Host.Reports;

/// <summary>
/// The deployment's reporting calendar when one is registered, else the default (calendar months,
/// default deadlines), so reports work whether or not the calendar has been wired into DI yet.
/// </summary>
internal sealed class ReportCalendarProvider(IServiceProvider services)
{
    public ReportingCalendar Calendar { get; } =
        services.GetService<ReportingCalendar>() ?? new ReportingCalendar(CalendarOptions.Default);
}
