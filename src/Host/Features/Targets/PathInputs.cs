using GovReport.Host.Infrastructure.Http;
using System.Globalization;
using GovReport.Domain.Targets;
using GovReport.Host.Features.Catalogue;

namespace GovReport.Host.Features.Targets;

internal static class PathInputs
{
    public static int? Year(this InputErrors errors, string field, string? text, DateOnly today)
    {
        if (text is not { Length: 4 } || !text.All(char.IsAsciiDigit))
        {
            errors.Add(field, $"'{text}' is not a plan year; expected a year such as 2022.");
            return null;
        }
        var year = int.Parse(text, CultureInfo.InvariantCulture);
        if (Features.Periods.PeriodInput.TryYear(year, today, out var error)) return year;
        errors.Add(field, error!);
        return null;
    }
}
