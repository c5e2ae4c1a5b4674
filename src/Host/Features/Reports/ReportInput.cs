using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Host.Infrastructure.Http;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Features.Reports;

/// <summary>The report a request addresses, once its route has been checked against the catalogue.</summary>
public sealed record ReportTarget(UnitId Unit, Month Month, UnitLevel Level);

/// <summary>Checks that turn raw route and body values into domain values; nothing is appended until they all pass.</summary>
internal static class ReportInput
{
    public const int MaxTextLength = 20_000;
    public const int MaxReasonLength = 2_000;
    public const int MaxValues = 500;

    public static DateOnly Today(DateTimeOffset now) => ReportingCalendar.LocalDate(now);

    public static bool TryParseRoute(string unitId, string month, DateOnly today, InputErrors errors, out UnitId unit, out Month parsedMonth)
    {
        if (!UnitId.TryParse(unitId, out unit, out var unitError)) errors.Add("unitId", unitError!);
        if (!Features.Periods.PeriodInput.TryMonth(month, today, out parsedMonth, out var monthError)) errors.Add("month", monthError!);
        return !errors.Any;
    }

    /// <summary>A writable report: well-formed ids, a registered unit, a month that has begun.</summary>
    public static async Task<ReportTarget?> ResolveAsync(
        string unitId, string month, CatalogueReader catalogue, DateOnly today, InputErrors errors, CancellationToken ct)
    {
        TryParseRoute(unitId, month, today, errors, out var unit, out var parsedMonth);

        UnitLevel level = default;
        if (unit.Value is not null)
        {
            var row = await catalogue.UnitAsync(unit.Value, ct);
            if (row is null) errors.Add("unitId", $"'{unit}' is not a registered unit.");
            else level = UnitKinds.Parse(row.Kind).Level();
        }

        if (parsedMonth != default)
        {
            foreach (var error in FigureValidation.Validate([], _ => null, parsedMonth, today)) errors.Add(error);
        }

        return errors.Any ? null : new ReportTarget(unit, parsedMonth, level);
    }

    /// <summary>
    /// The figures of a body. Shape errors (missing code or value) are reported first; the
    /// catalogue checks (unknown, negative, duplicate) run only on a well-formed list so that
    /// their <c>values[i]</c> indexes are the client's.
    /// </summary>
    public static async Task<IReadOnlyList<FigureValue>?> FiguresAsync(
        IReadOnlyList<FigureInput?>? values, bool required, ReportTarget target, DateOnly today,
        CatalogueReader catalogue, InputErrors errors, CancellationToken ct)
    {
        if (values is null || (required && values.Count == 0))
        {
            if (required) errors.Add("values", "Give at least one figure: [{indicator, value}].");
            return null;
        }
        if (values.Count > MaxValues)
        {
            errors.Add("values", $"A report carries at most {MaxValues} figures.");
            return null;
        }

        var figures = new List<FigureValue>(values.Count);
        var shapeErrors = false;
        for (var i = 0; i < values.Count; i++)
        {
            var input = values[i];
            if (input is null)
            {
                errors.Add($"values[{i}]", "A figure is an object {indicator, value}.");
                shapeErrors = true;
                continue;
            }
            IndicatorCode code = default;
            if (input.Indicator is null) errors.Add($"values[{i}].indicator", "The indicator code is required.");
            else if (!IndicatorCode.TryParse(input.Indicator, out code, out var codeError)) errors.Add($"values[{i}].indicator", codeError!);
            if (input.Value is null) errors.Add($"values[{i}].value", "The value is required and must be a finite number.");
            if (code.Value is null || input.Value is null)
            {
                shapeErrors = true;
                continue;
            }
            figures.Add(new FigureValue(code, input.Value.Value));
        }
        if (shapeErrors) return null;

        var indicators = (await catalogue.IndicatorsAsync(figures.Select(f => f.Indicator), ct)).ToDictionary(i => i.Code);
        foreach (var error in FigureValidation.Validate(figures, c => indicators.GetValueOrDefault(c), target.Month, today))
            errors.Add(error);
        return figures;
    }

    public static Narrative? Narrative(NarrativeInput? input, InputErrors errors)
    {
        if (input is null) return null;
        Check(input.Results, "narrative.results");
        Check(input.Difficulties, "narrative.difficulties");
        Check(input.Proposals, "narrative.proposals");
        return new Narrative(Clean(input.Results), Clean(input.Difficulties), Clean(input.Proposals));

        void Check(string? text, string field)
        {
            if (text is { Length: > MaxTextLength }) errors.Add(field, $"At most {MaxTextLength} characters.");
        }
    }

    public static string? Reason(string? reason, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "A reason is required.");
            return null;
        }
        if (reason.Length > MaxReasonLength)
        {
            errors.Add("reason", $"A reason has at most {MaxReasonLength} characters.");
            return null;
        }
        return reason.Trim();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
