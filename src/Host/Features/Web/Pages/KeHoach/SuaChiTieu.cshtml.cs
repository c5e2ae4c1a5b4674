using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Numbers;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Writes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages.KeHoach;

/// <summary>
/// Defines or revises one indicator through <see cref="IndicatorWrites"/>, the path of
/// PUT /api/indicators/{code}: the same checks, the same decider, the same refusals (in Vietnamese,
/// beside their fields). Planners and admins only, as the endpoint.
/// </summary>
[Authorize(Policy = Policies.ManageCatalogue)]
public sealed class SuaChiTieuModel(IndicatorWrites writes, StreamCommands commands) : WebPage
{
    [BindProperty(SupportsGet = true)] public string? Ma { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public string? Aggregation { get; set; } = "sum";
    [BindProperty] public string? Direction { get; set; } = "higher-is-better";
    [BindProperty] public string? Sector { get; set; }
    [BindProperty] public bool AllowsNegative { get; set; }
    [BindProperty] public string? MinValue { get; set; }
    [BindProperty] public string? MaxValue { get; set; }
    [BindProperty] public string? Numerator { get; set; }
    [BindProperty] public string? Denominator { get; set; }
    [BindProperty] public string? Scale { get; set; }
    /// <summary>Cross-indicator rules: the codes this indicator's figure should not exceed, comma separated.</summary>
    [BindProperty] public string? AtMost { get; set; }
    [BindProperty] public long? Version { get; set; }

    /// <summary>An indicator already defined: its code is fixed (the code is its identity in every report).</summary>
    public bool Existing { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? PageError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Ma)) return Page();
        if (!IndicatorCode.TryParse(Ma, out var code, out _)) return Missing("Mã chỉ tiêu không hợp lệ.");
        var (indicator, version) = await commands.LoadAsync(StreamIds.Indicator(code), IndicatorDecider.Decider, null, ct);
        if (indicator is null) return Missing($"Không có chỉ tiêu '{code}' trong danh mục.");
        Existing = true;
        Version = version;
        (Name, Measure, Sector, AllowsNegative) = (indicator.Name, indicator.Measure, indicator.Sector, indicator.AllowsNegative);
        (Aggregation, Direction) = (indicator.Aggregation.ToApiString(), indicator.Direction.ToApiString());
        (MinValue, MaxValue) = (Show(indicator.MinValue), Show(indicator.MaxValue));
        (Numerator, Denominator, Scale) = (indicator.Ratio?.Numerator.Value, indicator.Ratio?.Denominator.Value, Show(indicator.Ratio?.Scale));
        AtMost = indicator.Rules is { } rules ? string.Join(", ", rules.AtMost.Select(c => c.Value)) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Existing = Version is > 0;
        var min = Number(nameof(MinValue), MinValue);
        var max = Number(nameof(MaxValue), MaxValue);
        var scale = Number(nameof(Scale), Scale);
        if (FieldErrors.Count > 0) return Again();

        var ratio = Aggregation == "ratio";
        var body = new PutIndicatorRequest(Name, Measure, Aggregation, Direction, Blank(Sector), AllowsNegative, min, max,
            ratio ? Blank(Numerator) : null, ratio ? Blank(Denominator) : null, ratio ? scale : null, Codes(AtMost));
        var outcome = await writes.DefineAsync(Ma?.Trim() ?? "", body, Version, Source, ct);
        if (outcome.Succeeded) return Redirect("/chi-tieu?da=luu");

        foreach (var (field, _) in outcome.Errors.All) FieldErrors.TryAdd(Key(field), PlannerText.FieldError(field));
        var refusal = outcome.Refusal ?? outcome.Command?.Error;
        if (refusal is not null) FieldErrors.TryAdd(Key(refusal.Field ?? "numerator"), PlannerText.FieldError(refusal.Field ?? "numerator"));
        if (outcome.Command is { StaleVersion: true })
            PageError = "Chỉ tiêu vừa được người khác thay đổi. Hãy mở lại trang để xem định nghĩa hiện tại rồi sửa lại.";
        return Again();
    }

    private IActionResult Again()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private decimal? Number(string field, string? text)
    {
        if (NumberEntry.TryParse(text, out var value)) return value;
        FieldErrors[Key(field)] = WebText.NotANumber;
        return null;
    }

    /// <summary>The write path's field names (camelCase) are the form's keys.</summary>
    private static string Key(string field) => field switch
    {
        "code" => "code",
        _ when field.StartsWith("atMost", StringComparison.Ordinal) => "atMost",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    /// <summary>The form's comma-separated codes; none written means no rule (the whole definition is sent, as PUT takes it).</summary>
    private static IReadOnlyList<string?>? Codes(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => (string?)c).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Show(decimal? value) => value is { } v ? NumberEntry.Show(v) : null;
}
