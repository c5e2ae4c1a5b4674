namespace GovReport.Domain.Catalogue;

/// <summary>
/// What a ratio indicator (tỷ lệ) is made of: two indicators units do report, and the scale the
/// quotient is shown at (100 for a percentage, 1000 for a rate per thousand).
/// </summary>
public sealed record RatioDefinition(IndicatorCode Numerator, IndicatorCode Denominator, decimal Scale)
{
    public const decimal DefaultScale = 100m;

    /// <summary>Per million is the finest rate a statistics office publishes; a larger scale is a typing error.</summary>
    public const decimal MaxScale = 1_000_000m;
}
