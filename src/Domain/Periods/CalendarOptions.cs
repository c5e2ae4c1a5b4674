namespace GovReport.Domain.Periods;

/// <summary>
/// Statistical reporting uses calendar months; the administrative regime of Decree 09/2019/NĐ-CP
/// (Art. 12) cuts each month off on the 14th.
/// </summary>
public enum CalendarConvention { CalendarMonths, Decree09 }

public sealed record CalendarOptions(
    CalendarConvention Convention,
    IReadOnlyDictionary<UnitLevel, int> DeadlineWorkingDays,
    IReadOnlySet<DateOnly> Holidays)
{
    public static IReadOnlyDictionary<UnitLevel, int> DefaultDeadlineWorkingDays { get; } =
        new Dictionary<UnitLevel, int>
        {
            [UnitLevel.Commune] = 3,
            [UnitLevel.Department] = 5,
            [UnitLevel.District] = 10,
            [UnitLevel.City] = 10,
            [UnitLevel.Province] = 10,
        };

    public static CalendarOptions Default { get; } =
        new(CalendarConvention.CalendarMonths, DefaultDeadlineWorkingDays, new HashSet<DateOnly>());
}
