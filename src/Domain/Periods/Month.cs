using System.Text.Json.Serialization;

namespace GovReport.Domain.Periods;

/// <summary>A calendar month, the unit every report is filed for. Written "2022-08".</summary>
[JsonConverter(typeof(MonthJsonConverter))]
public readonly record struct Month : IComparable<Month>, IComparable
{
    public Month(int year, int number)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be 1..9999.");
        if (number is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(number), number, "Month must be 1..12.");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }

    public void Deconstruct(out int year, out int number) => (year, number) = (Year, Number);

    public DateOnly Start => new(Year, Number, 1);
    public DateOnly End => new(Year, Number, Days);
    public int Days => DateTime.DaysInMonth(Year, Number);
    public int Quarter => (Number - 1) / 3 + 1;
    public int Half => Number <= 6 ? 1 : 2;
    public Month SameMonthLastYear => new(Year - 1, Number);
    public string Label => $"Tháng {Number}/{Year}";

    public Month Next() => AddMonths(1);
    public Month Previous() => AddMonths(-1);

    public Month AddMonths(int months)
    {
        var index = Year * 12 + (Number - 1) + months;
        return new Month(index / 12, index % 12 + 1);
    }

    /// <summary>Months from this one to <paramref name="other"/>, negative when other is earlier.</summary>
    public int MonthsUntil(Month other) => (other.Year * 12 + other.Number) - (Year * 12 + Number);

    public static Month Of(DateOnly date) => new(date.Year, date.Month);

    public static Month Parse(string text) =>
        TryParse(text, out var month, out var error) ? month : throw new FormatException(error);

    public static bool TryParse(string? text, out Month month, out string? error)
    {
        month = default;
        var s = text?.Trim() ?? "";
        string yearPart, monthPart;
        if (s.Length == 7 && s[4] == '-') (yearPart, monthPart) = (s[..4], s[5..]);
        else if (s.Length == 6) (yearPart, monthPart) = (s[..4], s[4..]);
        else
        {
            error = $"'{text}' is not a month; expected yyyy-MM (2022-08) or yyyyMM (202208).";
            return false;
        }

        if (!AllDigits(yearPart) || !AllDigits(monthPart))
        {
            error = $"'{text}' is not a month; expected yyyy-MM (2022-08) or yyyyMM (202208).";
            return false;
        }

        int year = int.Parse(yearPart), number = int.Parse(monthPart);
        if (year < 1 || number is < 1 or > 12)
        {
            error = $"'{text}' is not a month: the month number must be 01..12.";
            return false;
        }

        month = new Month(year, number);
        error = null;
        return true;
    }

    private static bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    public int CompareTo(Month other) => (Year, Number).CompareTo((other.Year, other.Number));

    public int CompareTo(object? obj) => obj is Month m ? CompareTo(m) : 1;

    public static bool operator <(Month a, Month b) => a.CompareTo(b) < 0;
    public static bool operator >(Month a, Month b) => a.CompareTo(b) > 0;
    public static bool operator <=(Month a, Month b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Month a, Month b) => a.CompareTo(b) >= 0;

    public override string ToString()
    {
        // A rebuild names millions of report months, almost all of a few decades: each of those is written once.
        var index = (Year - FirstNamedYear) * 12 + Number - 1;
        if ((uint)index >= (uint)Names.Length) return $"{Year:D4}-{Number:D2}";
        return Names[index] ??= $"{Year:D4}-{Number:D2}";
    }

    private const int FirstNamedYear = 1990;
    private static readonly string?[] Names = new string?[120 * 12];

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<Month> Range(Month from, Month to)
    {
        var months = new List<Month>();
        for (var m = from; m <= to; m = m.Next()) months.Add(m);
        return months;
    }
}
