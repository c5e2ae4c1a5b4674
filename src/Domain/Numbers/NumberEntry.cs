namespace GovReport.Domain.Numbers;

/// <summary>
/// A figure typed into a form field in vi-VN: "1.234,5", "175,158", "-3", "1234,5". A blank field
/// is no value (the figure is not reported), not zero. A field holds a bare figure: no scale words
/// or qualifiers, and nothing guessed: "1,2,3" or an en-US "1,234.5" is refused, never reread.
/// </summary>
public static class NumberEntry
{
    /// <summary>Longer than any figure within ±10^15 with a few decimals: a bound on what is parsed.</summary>
    public const int MaxLength = 40;

    /// <summary>True with <paramref name="value"/> null for a blank field; false when the text is not a vi-VN figure.</summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var trimmed = (text ?? "").Trim().Replace('\u2212', '-');
        if (trimmed.Length == 0) return true;
        if (trimmed.Length > MaxLength || !VietnameseNumbers.TryRead(trimmed, NumberCulture.ViVn, out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>The form of a figure a field shows back: vi-VN, every decimal kept.</summary>
    public static string Show(decimal value) => VietnameseNumbers.Format(value, maxDecimals: 10);
}
