using System.Globalization;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Interop;

/// <summary>
/// Periods as DHIS2 names them: monthly ids <c>yyyyMM</c> in dataValueSets, and in ADX an ISO 8601
/// start date with a duration (<c>2022-08-01/P1M</c>). Figures here are monthly, so a value
/// always travels under its month, whatever period was asked for.
/// </summary>
public static class Dhis2Periods
{
    public static string MonthId(Month month) => $"{month.Year:D4}{month.Number:D2}";

    public static string AdxMonth(Month month) => $"{month.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/P1M";

    /// <summary>A value's period: a month id (202208, or 2022-08 as the service writes it). Longer periods are refused: a value is one month's.</summary>
    public static bool TryMonth(string? text, out Month month, out string? error)
    {
        month = default;
        if (!Period.TryParse(text, out var period, out error)) return false;
        if (period!.Kind != PeriodKind.Month)
        {
            error = $"'{text}' is not a monthly period; values are imported month by month (e.g. 202208).";
            return false;
        }
        month = period.FirstMonth;
        return true;
    }

    /// <summary>An ADX group's period: the first day of a month and the duration P1M.</summary>
    public static bool TryAdxMonth(string? text, out Month month, out string? error)
    {
        month = default;
        error = $"'{text}' is not an ADX monthly period; expected the month's first day and P1M, e.g. 2022-08-01/P1M.";
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || parts[1] != "P1M") return false;
        if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || start.Day != 1) return false;
        month = Month.Of(start);
        error = null;
        return true;
    }
}
