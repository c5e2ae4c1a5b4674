using GovReport.Host.Infrastructure.Http;
using System.Globalization;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;

namespace GovReport.Host.Features.Audit;

/// <summary>Query-string parsing for the audit endpoints; every failure names its field.</summary>
internal static class AuditParameters
{
    public static long Number(string? text, string field, long fallback, long min, long max, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(field, $"{field} must be a whole number from {min} to {max}.");
        return fallback;
    }

    public static UnitId? Unit(string? text, InputErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Add("unit", "unit is required, e.g. xa-nong-thuong.");
            return null;
        }
        if (UnitId.TryParse(text, out var unit, out var error)) return unit;
        errors.Add("unit", error!);
        return null;
    }

    public static IndicatorCode? Indicator(string? text, InputErrors errors)
    {
        if (IndicatorCode.TryParse(text, out var code, out var error)) return code;
        errors.Add("indicator", string.IsNullOrWhiteSpace(text) ? "indicator is required, e.g. forest-planted." : error!);
        return null;
    }

    public static Month? Month(string? text, DateOnly today, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("period", "period is required: the report's month, e.g. 2022-08.");
            return null;
        }
        if (Features.Periods.PeriodInput.TryPeriod(text, today, out var period, out var error) && period!.Kind == PeriodKind.Month) return period.FirstMonth;
        errors.Add("period", error ?? "period must be a month (a report's period), e.g. 2022-08 or 202208.");
        return null;
    }
}
