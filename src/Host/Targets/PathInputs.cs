using System.Globalization;
using System.Text.RegularExpressions;
using GovReport.Domain.Targets;
using GovReport.Host.Catalogue;

namespace GovReport.Host.Targets;

internal static partial class PathInputs
{
    public static int? Year(this InputErrors errors, string field, string? text)
    {
        if (text is { Length: 4 } && text.All(char.IsAsciiDigit)
            && int.Parse(text, CultureInfo.InvariantCulture) is var year and >= PlanDecider.MinYear and <= PlanDecider.MaxYear)
            return year;
        errors.Add(field, $"'{text}' is not a plan year; expected a year {PlanDecider.MinYear}..{PlanDecider.MaxYear}, e.g. 2022.");
        return null;
    }

    /// <summary>
    /// An ISO 8601 instant. The offset is required: "as of" a local time with no zone would be
    /// guessed, and a guess about when history is cut is an answer about the wrong history.
    /// </summary>
    public static DateTimeOffset? Instant(this InputErrors errors, string field, string? text)
    {
        if (text is not null && IsoInstant().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        errors.Add(field, $"'{text}' is not an instant; expected ISO 8601 with a time zone, e.g. 2022-09-10T00:00:00Z or 2022-09-10T07:00:00+07:00.");
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoInstant();
}
