using GovReport.Host.Api;
using System.Globalization;
using GovReport.Domain.Targets;
using GovReport.Host.Catalogue;

namespace GovReport.Host.Targets;

internal static class PathInputs
{
    public static int? Year(this InputErrors errors, string field, string? text)
    {
        if (text is { Length: 4 } && text.All(char.IsAsciiDigit)
            && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= PlanDecider.MinYear and <= PlanDecider.MaxYear)
            return year;
        errors.Add(field, $"'{text}' is not a plan year; expected a year {PlanDecider.MinYear}..{PlanDecider.MaxYear}, e.g. 2022.");
        return null;
    }

    public static DateTimeOffset? Instant(this InputErrors errors, string field, string? text)
    {
        if (Api.Instants.TryParse(text, out var instant)) return instant;
        errors.Add(field, Api.Instants.Explain(text));
        return null;
    }
}
