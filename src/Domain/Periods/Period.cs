using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Domain.Periods;

public enum PeriodKind { Month, Quarter, Half, Year }

/// <summary>
/// A reporting period. <see cref="Index"/> is the month (1..12), quarter (1..4), half (1..2)
/// or 1 for a year.
/// </summary>
[JsonConverter(typeof(PeriodJsonConverter))]
public sealed record Period
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public Period(PeriodKind kind, int year, int index)
    {
        var max = kind switch
        {
            PeriodKind.Month => 12,
            PeriodKind.Quarter => 4,
            PeriodKind.Half => 2,
            PeriodKind.Year => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (index < 1 || index > max) throw new ArgumentOutOfRangeException(nameof(index), index, $"{kind} index must be 1..{max}.");
        (Kind, Year, Index) = (kind, year, index);
    }

    public PeriodKind Kind { get; }
    public int Year { get; }
    public int Index { get; }

    public void Deconstruct(out PeriodKind kind, out int year, out int index) => (kind, year, index) = (Kind, Year, Index);

    public static Period OfMonth(Month month) => new(PeriodKind.Month, month.Year, month.Number);
    public static Period OfQuarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);
    public static Period OfHalf(int year, int half) => new(PeriodKind.Half, year, half);
    public static Period OfYear(int year) => new(PeriodKind.Year, year, 1);

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="month"/>.</summary>
    public static Period Containing(PeriodKind kind, Month month) => kind switch
    {
        PeriodKind.Month => OfMonth(month),
        PeriodKind.Quarter => OfQuarter(month.Year, month.Quarter),
        PeriodKind.Half => OfHalf(month.Year, month.Half),
        _ => OfYear(month.Year),
    };

    public bool Contains(Month month) => month >= FirstMonth && month <= LastMonth;

    public Month FirstMonth => Kind switch
    {
        PeriodKind.Month => new Month(Year, Index),
        PeriodKind.Quarter => new Month(Year, (Index - 1) * 3 + 1),
        PeriodKind.Half => new Month(Year, (Index - 1) * 6 + 1),
        _ => new Month(Year, 1),
    };

    public Month LastMonth => Kind switch
    {
        PeriodKind.Month => FirstMonth,
        PeriodKind.Quarter => FirstMonth.AddMonths(2),
        PeriodKind.Half => FirstMonth.AddMonths(5),
        _ => new Month(Year, 12),
    };

    public IReadOnlyList<Month> Months => Month.Range(FirstMonth, LastMonth);
    public DateOnly Start => FirstMonth.Start;
    public DateOnly End => LastMonth.End;

    public string Id => Kind switch
    {
        PeriodKind.Month => FirstMonth.ToString(),
        PeriodKind.Quarter => $"{Year:D4}Q{Index}",
        PeriodKind.Half => $"{Year:D4}S{Index}",
        _ => $"{Year:D4}",
    };

    public string Label => Kind switch
    {
        PeriodKind.Month => $"Tháng {Index}/{Year}",
        PeriodKind.Quarter => $"Quý {Roman[Index - 1]}/{Year}",
        PeriodKind.Half => Index == 1 ? $"6 tháng đầu năm {Year}" : $"6 tháng cuối năm {Year}",
        _ => $"Năm {Year}",
    };

    public override string ToString() => Id;

    internal static string RomanQuarter(int quarter) => Roman[quarter - 1];

    public static Period Parse(string text) =>
        TryParse(text, out var period, out var error) ? period! : throw new FormatException(error);

    public static bool TryParse(string? text, out Period? period, out string? error)
    {
        period = null;
        error = null;
        var s = text?.Trim() ?? "";
        var expected = $"'{text}' is not a period; expected a month (2022-08 or 202208), a quarter (2022Q3), a half year (2022S1, 2022S2) or a year (2022).";

        if (s.Length < 4 || !s[..4].All(char.IsAsciiDigit) || int.Parse(s[..4]) < 1)
        {
            error = expected;
            return false;
        }

        var year = int.Parse(s[..4]);
        var rest = s[4..];
        if (rest.Length == 0)
        {
            period = OfYear(year);
            return true;
        }

        if (rest.Length == 2 && (rest[0] is 'Q' or 'q') && rest[1] is >= '1' and <= '4')
        {
            period = OfQuarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && (rest[0] is 'S' or 's') && rest[1] is '1' or '2')
        {
            period = OfHalf(year, rest[1] - '0');
            return true;
        }

        if ((rest.Length == 2 || (rest.Length == 3 && rest[0] == '-')) && Month.TryParse(s, out var month, out _))
        {
            period = OfMonth(month);
            return true;
        }

        error = expected;
        return false;
    }
}

/// <summary>Periods travel as their canonical id ("2022-08", "2022Q3", "2022S1", "2022").</summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Period.TryParse(reader.GetString(), out var period, out var error) ? period! : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Id);
}
