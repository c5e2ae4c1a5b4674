using GovReport.Domain.Periods;

namespace GovReport.Host.Comparisons;

/// <summary>Parsing shared by the read endpoints' query strings, each failure naming its field.</summary>
internal static class QueryParameters
{
    public static DateTimeOffset? AsOf(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Api.Instants.TryParse(text, out var instant)) return instant;
        errors["asOf"] = [Api.Instants.Explain(text)];
        return null;
    }

    public static Period? Period(string? text, DateOnly today, Dictionary<string, string[]> errors, string field = "period")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"{field} is required, e.g. 2022-08, 202208, 2022Q3, 2022S1 or 2022."];
            return null;
        }
        if (Periods.PeriodInput.TryPeriod(text, today, out var period, out var error)) return period;
        errors[field] = [error ?? "The period is not valid."];
        return null;
    }
}
