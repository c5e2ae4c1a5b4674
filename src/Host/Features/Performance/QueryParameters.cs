using GovReport.Host.Infrastructure.Http;
using GovReport.Domain.Periods;

namespace GovReport.Host.Features.Performance;

/// <summary>Parsing shared by the read endpoints' query strings, each failure naming its field.</summary>
internal static class QueryParameters
{
    public static Period? Period(string? text, DateOnly today, InputErrors errors, string field = "period")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{field} is required, e.g. 2022-08, 202208, 2022Q3, 2022S1 or 2022.");
            return null;
        }
        if (Features.Periods.PeriodInput.TryPeriod(text, today, out var period, out var error)) return period;
        errors.Add(field, error ?? "The period is not valid.");
        return null;
    }
}
