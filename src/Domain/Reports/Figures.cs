using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Reports;

[System.Text.Json.Serialization.JsonConverter(typeof(FigureValueJsonConverter))]
public readonly record struct FigureValue(IndicatorCode Indicator, decimal Value);

/// <summary>The text beside the figures: results, difficulties (khó khăn, vướng mắc) and proposals (kiến nghị).</summary>
public sealed record Narrative(string? Results, string? Difficulties, string? Proposals);

/// <summary>One corrected figure; <see cref="Previous"/> is null when the figure was not reported before.</summary>
public sealed record FigureChange(IndicatorCode Indicator, decimal? Previous, decimal Value);
