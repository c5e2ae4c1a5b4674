namespace GovReport.Domain.Numbers;

/// <summary>
/// How a figure was written. vi-VN groups thousands with '.' and marks decimals with ','; en-US
/// the other way round. Unknown accepts only what reads the same both ways.
/// </summary>
public enum NumberCulture { ViVn, EnUs, Unknown }

/// <summary>A parsed figure: <see cref="Value"/> is <see cref="Number"/> times the scale words' multiplier.</summary>
public sealed record ParsedNumber(decimal Value, decimal Number, decimal Scale, string? Qualifier, string? Rest);
