using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Reports;

/// <summary>Checks that need the catalogue and today's date, which the report stream does not hold.</summary>
public static class FigureValidation
{
    public static IReadOnlyList<DomainError> Validate(
        IReadOnlyList<FigureValue> values, Func<IndicatorCode, Indicator?> catalogue, Month month, DateOnly today)
    {
        var errors = new List<DomainError>();
        if (month.Start > today)
            errors.Add(new DomainError("future-month", $"{month} has not started yet; figures cannot be reported for it.", "month"));

        var seen = new HashSet<IndicatorCode>();
        for (var i = 0; i < values.Count; i++)
        {
            var (code, value) = values[i];
            if (!seen.Add(code))
            {
                errors.Add(new DomainError("duplicate-indicator", $"'{code}' appears more than once.", $"values[{i}].indicator"));
                continue;
            }

            var indicator = catalogue(code);
            if (indicator is null)
                errors.Add(new DomainError("unknown-indicator", $"'{code}' is not a defined indicator.", $"values[{i}].indicator"));
            else if (value < 0 && !indicator.CanBeNegative)
                errors.Add(new DomainError("negative-value", $"{indicator.Name} cannot be negative.", $"values[{i}].value"));
            else if (indicator.Range.Check(value, $"values[{i}].value", indicator.Name) is { } outOfRange)
                errors.Add(outOfRange);
        }

        return errors;
    }
}
