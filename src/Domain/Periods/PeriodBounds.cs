namespace GovReport.Domain.Periods;

/// <summary>
/// The years a request may name: from 2000, before which no unit reported to this service, to
/// next year, which plans are set for ahead of time. Beyond them a period is a mistake (0001,
/// 9999), and the calendar arithmetic around it (last year's month, the next deadline) would
/// leave the years a date can hold. Given today rather than reading a clock, so the rule stays pure.
/// </summary>
public static class PeriodBounds
{
    public const int FirstYear = 2000;

    public static int LastYear(DateOnly today) => today.Year + 1;

    public static bool Contains(int year, DateOnly today) => year >= FirstYear && year <= LastYear(today);

    /// <summary>Why <paramref name="year"/> is out of bounds; null when it is within them.</summary>
    public static string? Check(int year, DateOnly today) =>
        Contains(year, today) ? null : $"{year:D4} is outside the years this service reports on: {FirstYear} to {LastYear(today)}.";

    public static string? Check(Period period, DateOnly today) => Check(period.Year, today);

    public static string? Check(Month month, DateOnly today) => Check(month.Year, today);
}
