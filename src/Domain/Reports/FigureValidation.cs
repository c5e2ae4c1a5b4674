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
            errors.Add(new DomainError(ErrorCodes.FutureMonth, $"{month} has not started yet; figures cannot be reported for it.", "month"));

        var duplicates = Duplicates(values).ToDictionary(d => d.Index, d => d.Error);
        for (var i = 0; i < values.Count; i++)
        {
            var (code, value) = values[i];
            if (duplicates.TryGetValue(i, out var duplicate))
            {
                errors.Add(duplicate);
                continue;
            }

            var indicator = catalogue(code);
            if (indicator is null)
                errors.Add(new DomainError(ErrorCodes.UnknownIndicator, $"'{code}' is not a defined indicator.", $"values[{i}].indicator"));
            else if (indicator.IsRatio)
                errors.Add(new DomainError(ErrorCodes.ComputedIndicator,
                    $"{indicator.Name} is computed from its numerator and denominator; report those instead.", $"values[{i}].indicator"));
            else if (value < 0 && !indicator.CanBeNegative)
                errors.Add(new DomainError(ErrorCodes.NegativeValue, $"{indicator.Name} cannot be negative.", $"values[{i}].value"));
            else if (indicator.Range.Check(value, $"values[{i}].value", indicator.Name) is { } outOfRange)
                errors.Add(outOfRange);
        }

        return errors;
    }

    /// <summary>
    /// A report gives each indicator once: every figure naming an indicator an earlier one named.
    /// The input checks name them all; the decider refuses a command holding any.
    /// </summary>
    public static IEnumerable<(int Index, DomainError Error)> Duplicates(IReadOnlyList<FigureValue> values)
    {
        var seen = new HashSet<IndicatorCode>();
        for (var i = 0; i < values.Count; i++)
            if (!seen.Add(values[i].Indicator))
                yield return (i, new DomainError(ErrorCodes.DuplicateIndicator, $"'{values[i].Indicator}' appears more than once.", $"values[{i}].indicator"));
    }
}
