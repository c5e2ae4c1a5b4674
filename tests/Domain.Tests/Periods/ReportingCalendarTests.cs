using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

public class ReportingCalendarTests
{
    private static ReportingCalendar Decree09(params DateOnly[] holidays) =>
        new(new CalendarOptions(CalendarConvention.Decree09, CalendarOptions.DefaultDeadlineWorkingDays, holidays.ToHashSet()));

    private static readonly ReportingCalendar Calendar = new();

    [Theory]
    [InlineData("2022-08", "2022-08-01", "2022-08-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2022Q3", "2022-07-01", "2022-09-30")]
    [InlineData("2022S1", "2022-01-01", "2022-06-30")]
    [InlineData("2022", "2022-01-01", "2022-12-31")]
    public void Calendar_months_use_the_periods_own_dates(string period, string from, string to) =>
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), Calendar.DataWindow(Period.Parse(period)));

    [Theory]
    [InlineData("2022-08", "2022-07-15", "2022-08-14")]
    [InlineData("2022-01", "2021-12-15", "2022-01-14")]
    [InlineData("2024-03", "2024-02-15", "2024-03-14")]
    [InlineData("2022Q3", "2022-06-15", "2022-09-14")]
    [InlineData("2022Q1", "2021-12-15", "2022-03-14")]
    [InlineData("2022S1", "2021-12-15", "2022-06-14")]
    [InlineData("2022S2", "2022-06-15", "2022-12-14")]
    [InlineData("2022", "2021-12-15", "2022-12-14")]
    public void Decree09_windows_cut_off_on_the_14th(string period, string from, string to) =>
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), Decree09().DataWindow(Period.Parse(period)));

    [Fact]
    public void Calendar_month_deadline_counts_working_days_after_the_month()
    {
        // August 2022 ends on a Wednesday: Thu 1, Fri 2, Mon 5 September.
        Assert.Equal(new DateOnly(2022, 9, 5), Calendar.Deadline(Period.Parse("2022-08"), UnitLevel.Commune));
        Assert.Equal(new DateOnly(2022, 9, 7), Calendar.Deadline(Period.Parse("2022-08"), UnitLevel.Department));
        Assert.Equal(new DateOnly(2022, 9, 14), Calendar.Deadline(Period.Parse("2022-08"), UnitLevel.District));
    }

    [Fact]
    public void Leap_february_closes_on_the_29th()
    {
        // 29 Feb 2024 is a Thursday: Fri 1, Mon 4, Tue 5 March.
        Assert.Equal(new DateOnly(2024, 3, 5), Calendar.Deadline(Period.Parse("2024-02"), UnitLevel.Commune));
    }

    [Fact]
    public void Decree09_deadline_skips_the_weekend()
    {
        // 14 Aug 2022 is a Sunday: Mon 15, Tue 16, Wed 17.
        Assert.Equal(new DateOnly(2022, 8, 17), Decree09().Deadline(Period.Parse("2022-08"), UnitLevel.Commune));
        // 14 May 2022 is a Saturday; one working day after it is Monday 16 May.
        var oneDay = new ReportingCalendar(new CalendarOptions(CalendarConvention.Decree09,
            new Dictionary<UnitLevel, int> { [UnitLevel.Commune] = 1 }, new HashSet<DateOnly>()));
        Assert.Equal(new DateOnly(2022, 5, 16), oneDay.Deadline(Period.Parse("2022-05"), UnitLevel.Commune));
    }

    [Fact]
    public void Holidays_are_not_working_days()
    {
        // National Day, 2 September 2022 (Friday), pushes the commune deadline to Tuesday 6th.
        var calendar = new ReportingCalendar(CalendarOptions.Default with { Holidays = new HashSet<DateOnly> { new(2022, 9, 2) } });
        Assert.Equal(new DateOnly(2022, 9, 6), calendar.Deadline(Period.Parse("2022-08"), UnitLevel.Commune));
    }

    [Fact]
    public void A_deadline_is_never_on_the_cut_off_day()
    {
        var zero = new ReportingCalendar(CalendarOptions.Default with
        {
            DeadlineWorkingDays = new Dictionary<UnitLevel, int> { [UnitLevel.Commune] = 0 },
        });
        Assert.Equal(new DateOnly(2022, 9, 1), zero.Deadline(Period.Parse("2022-08"), UnitLevel.Commune));
    }

    [Fact]
    public void Every_period_kind_has_a_deadline()
    {
        Assert.Equal(new DateOnly(2022, 10, 5), Calendar.Deadline(Period.Parse("2022Q3"), UnitLevel.Commune));
        Assert.Equal(new DateOnly(2022, 7, 5), Calendar.Deadline(Period.Parse("2022S1"), UnitLevel.Commune));
        Assert.Equal(new DateOnly(2023, 1, 13), Calendar.Deadline(Period.Parse("2022"), UnitLevel.Province));
    }

    [Fact]
    public void On_time_is_judged_on_the_Vietnam_calendar_date()
    {
        var august = Period.Parse("2022-08");
        // 16:59 UTC on 5 Sep is 23:59 in Hà Nội: still on time; 17:00 UTC is already 6 Sep there.
        Assert.True(Calendar.IsOnTime(august, UnitLevel.Commune, new DateTimeOffset(2022, 9, 5, 16, 59, 0, TimeSpan.Zero)));
        Assert.False(Calendar.IsOnTime(august, UnitLevel.Commune, new DateTimeOffset(2022, 9, 5, 17, 0, 0, TimeSpan.Zero)));
        Assert.True(Calendar.IsOnTime(august, UnitLevel.Commune, new DateTimeOffset(2022, 8, 20, 9, 0, 0, TimeSpan.FromHours(7))));
    }
}

public class ReportingCalendarZoneTests
{
    [Fact]
    public void A_time_zone_can_be_given_instead_of_an_offset()
    {
        var calendar = new ReportingCalendar();
        var vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        var lateEvening = new DateTimeOffset(2022, 9, 5, 16, 59, 0, TimeSpan.Zero);
        Assert.True(calendar.IsOnTime(Period.Parse("2022-08"), UnitLevel.Commune, lateEvening, vietnam));
        Assert.False(calendar.IsOnTime(Period.Parse("2022-08"), UnitLevel.Commune, lateEvening.AddMinutes(1), vietnam));
        Assert.True(calendar.IsOnTime(new Month(2022, 8), UnitLevel.Commune, lateEvening));
        Assert.Equal(new DateOnly(2022, 9, 5), calendar.Deadline(new Month(2022, 8), UnitLevel.Commune));
    }
}
