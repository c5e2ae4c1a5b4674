namespace GovReport.Domain.Periods;

/// <summary>The slice of the year a comparison covers, ending at (or containing) a month.</summary>
public enum PerformanceView { Month, Quarter, QuarterToDate, Half, NineMonths, Ytd, Year }

public static class PerformanceViews
{
    private static readonly (PerformanceView View, string Name)[] Names =
    [
        (PerformanceView.Month, "month"),
        (PerformanceView.Quarter, "quarter"),
        (PerformanceView.QuarterToDate, "quarter-to-date"),
        (PerformanceView.Half, "half"),
        (PerformanceView.NineMonths, "nine-months"),
        (PerformanceView.Ytd, "ytd"),
        (PerformanceView.Year, "year"),
    ];

    public static IReadOnlyList<PerformanceView> All { get; } = Names.Select(n => n.View).ToArray();

    public static string ToApiString(this PerformanceView view) =>
        Names.First(n => n.View == view).Name;

    public static PerformanceView Parse(string text) =>
        TryParse(text, out var view, out var error) ? view : throw new FormatException(error);

    public static bool TryParse(string? text, out PerformanceView view, out string? error)
    {
        foreach (var (v, name) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                (view, error) = (v, null);
                return true;
            }
        }

        view = default;
        error = $"'{text}' is not a view; expected one of {string.Join(", ", Names.Select(n => n.Name))}.";
        return false;
    }

    public static (Month From, Month To) Range(PerformanceView view, Month month)
    {
        var quarterStart = new Month(month.Year, (month.Quarter - 1) * 3 + 1);
        var halfStart = new Month(month.Year, month.Half == 1 ? 1 : 7);
        var january = new Month(month.Year, 1);
        return view switch
        {
            PerformanceView.Month => (month, month),
            PerformanceView.Quarter => (quarterStart, quarterStart.AddMonths(2)),
            PerformanceView.QuarterToDate => (quarterStart, month),
            PerformanceView.Half => (halfStart, halfStart.AddMonths(5)),
            PerformanceView.NineMonths => (january, new Month(month.Year, 9)),
            PerformanceView.Ytd => (january, month),
            PerformanceView.Year => (january, new Month(month.Year, 12)),
            _ => throw new ArgumentOutOfRangeException(nameof(view)),
        };
    }

    /// <summary>The months a view covers; their count is how many monthly reports it expects.</summary>
    public static IReadOnlyList<Month> Months(PerformanceView view, Month month)
    {
        var (from, to) = Range(view, month);
        return Month.Range(from, to);
    }

    /// <summary>How briefings name the slice: "8 tháng đầu năm 2022", "Quý III/2022" …</summary>
    public static string Label(PerformanceView view, Month month)
    {
        var (from, to) = Range(view, month);
        return RangeLabel(from, to);
    }

    public static string RangeLabel(Month from, Month to)
    {
        if (from.Year != to.Year)
            return $"Từ tháng {from.Number}/{from.Year} đến tháng {to.Number}/{to.Year}";

        var year = from.Year;
        var count = from.MonthsUntil(to) + 1;
        if (count == 1) return to.Label;
        if (from.Number == 1 && to.Number == 12) return $"Năm {year}";
        if (from.Number == 1 && to.Number == 6) return $"6 tháng đầu năm {year}";
        if (from.Number == 7 && to.Number == 12) return $"6 tháng cuối năm {year}";
        if (count == 3 && from.Number % 3 == 1) return $"Quý {Period.RomanQuarter(from.Quarter)}/{year}";
        if (from.Number == 1) return $"{count} tháng đầu năm {year}";
        return $"Tháng {from.Number}–{to.Number}/{year}";
    }
}
