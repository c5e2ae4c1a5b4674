namespace GovReport.Domain.Periods;

/// <summary>Data windows, submission deadlines and timeliness for a deployment's calendar.</summary>
public sealed class ReportingCalendar(CalendarOptions options)
{
    // Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and
    // spares the domain a time-zone database lookup.
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public ReportingCalendar() : this(CalendarOptions.Default) { }

    public CalendarOptions Options { get; } = options;

    public (DateOnly From, DateOnly To) DataWindow(Period period) => Options.Convention switch
    {
        // Decree 09: every window starts on the 15th of the month before its first month and ends on
        // the 14th of its last month; halves and years follow from the same rule.
        CalendarConvention.Decree09 => (
            new DateOnly(period.FirstMonth.Previous().Year, period.FirstMonth.Previous().Number, 15),
            new DateOnly(period.LastMonth.Year, period.LastMonth.Number, 14)),
        _ => (period.Start, period.End),
    };

    public int WorkingDaysFor(UnitLevel level) =>
        Options.DeadlineWorkingDays.TryGetValue(level, out var days)
            ? days
            : CalendarOptions.DefaultDeadlineWorkingDays[level];

    /// <summary>
    /// The Nth working day after the window closes. Decree 09 requires at least one working day
    /// between cut-off and deadline, so N is never taken below 1 whatever is configured.
    /// </summary>
    public DateOnly Deadline(Period period, UnitLevel level)
    {
        var remaining = Math.Max(1, WorkingDaysFor(level));
        var day = DataWindow(period).To;
        while (remaining > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) remaining--;
        }

        return day;
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Options.Holidays.Contains(day);

    /// <summary>The calendar date a submission happened on, as the unit saw it (Vietnam time).</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeSpan? offset = null) =>
        DateOnly.FromDateTime(instant.ToOffset(offset ?? VietnamOffset).DateTime);

    public bool IsOnTime(Period period, UnitLevel level, DateTimeOffset submittedAt, TimeSpan? offset = null) =>
        LocalDate(submittedAt, offset) <= Deadline(period, level);

    public bool IsOnTime(Period period, UnitLevel level, DateTimeOffset submittedAt, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(submittedAt, zone).DateTime) <= Deadline(period, level);

    public DateOnly Deadline(Month month, UnitLevel level) => Deadline(Period.OfMonth(month), level);

    public bool IsOnTime(Month month, UnitLevel level, DateTimeOffset submittedAt) =>
        IsOnTime(Period.OfMonth(month), level, submittedAt);
}
