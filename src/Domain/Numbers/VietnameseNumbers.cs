using System.Globalization;
using System.Text;

namespace GovReport.Domain.Numbers;

public static class VietnameseNumbers
{
    private static readonly string[] Qualifiers = ["ước", "gần", "trên", "hơn"];

    private static readonly (string Word, decimal Multiplier)[] ScaleWords =
    [
        ("nghìn", 1_000m), ("ngàn", 1_000m), ("vạn", 10_000m), ("triệu", 1_000_000m),
        ("tỷ", 1_000_000_000m), ("tỉ", 1_000_000_000m),
        ("thousand", 1_000m), ("million", 1_000_000m), ("billion", 1_000_000_000m),
    ];

    /// <summary>Writes a figure the way Vietnamese documents do: "2.312", "175,158", "119,6".</summary>
    public static string Format(decimal value, int maxDecimals = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        var rounded = Math.Round(value, maxDecimals, MidpointRounding.AwayFromZero);
        var pattern = maxDecimals == 0 ? "#,##0" : "#,##0." + new string('#', maxDecimals);
        var invariant = rounded.ToString(pattern, CultureInfo.InvariantCulture);
        return string.Concat(invariant.Select(c => c switch { ',' => '.', '.' => ',', _ => c }));
    }

    public static bool TryParse(string? text, NumberCulture culture, out decimal value, out string? error)
    {
        var ok = TryParse(text, culture, out ParsedNumber? parsed, out error);
        value = parsed?.Value ?? 0m;
        return ok;
    }

    /// <summary>
    /// Reads "ước 4,6 nghìn tỷ đồng": the qualifier (ước, gần, trên, hơn) and the words after the
    /// scale words are handed back, never silently dropped, and a figure that reads differently in
    /// vi-VN and en-US is an error unless the culture is known.
    /// </summary>
    public static bool TryParse(string? text, NumberCulture culture, out ParsedNumber? result, out string? error)
    {
        result = null;
        var s = (text ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (s.Length == 0)
        {
            error = "A figure is required.";
            return false;
        }

        string? qualifier = null;
        var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Qualifiers.Contains(words[0].ToLowerInvariant()))
        {
            qualifier = words[0].ToLowerInvariant();
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            error = $"'{text}' has no number after '{qualifier}'.";
            return false;
        }

        var token = words[0];
        words.RemoveAt(0);
        if (!TryReadNumber(token, culture, out var number, out error))
        {
            error = $"'{text}': {error}";
            return false;
        }

        var scale = 1m;
        while (words.Count > 0 && ScaleWords.FirstOrDefault(w => w.Word == words[0].ToLowerInvariant()) is { Word: not null } word)
        {
            scale *= word.Multiplier;
            words.RemoveAt(0);
        }

        try
        {
            result = new ParsedNumber(number * scale, number, scale, qualifier, words.Count == 0 ? null : string.Join(' ', words));
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too large.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryReadNumber(string token, NumberCulture culture, out decimal value, out string? error)
    {
        value = 0m;
        if (culture != NumberCulture.Unknown)
        {
            if (TryRead(token, culture, out value))
            {
                error = null;
                return true;
            }

            var other = culture == NumberCulture.ViVn ? NumberCulture.EnUs : NumberCulture.ViVn;
            error = TryRead(token, other, out var asOther)
                ? $"'{token}' is not written as {Name(culture)} but reads as {asOther.ToString(CultureInfo.InvariantCulture)} in {Name(other)}; check which culture the figure uses."
                : $"'{token}' is not a number in {Name(culture)} ({Example(culture)}).";
            return false;
        }

        var vi = TryRead(token, NumberCulture.ViVn, out var asVi);
        var en = TryRead(token, NumberCulture.EnUs, out var asEn);
        if (vi && en && asVi != asEn)
        {
            error = $"'{token}' is ambiguous: {asVi.ToString(CultureInfo.InvariantCulture)} in vi-VN but {asEn.ToString(CultureInfo.InvariantCulture)} in en-US; say which culture the figure uses.";
            return false;
        }

        if (vi || en)
        {
            value = vi ? asVi : asEn;
            error = null;
            return true;
        }

        error = $"'{token}' is not a number ({Example(NumberCulture.ViVn)}; or {Example(NumberCulture.EnUs)}).";
        return false;
    }

    internal static bool TryRead(string token, NumberCulture culture, out decimal value)
    {
        value = 0m;
        var (group, point) = culture == NumberCulture.ViVn ? ('.', ',') : (',', '.');
        var sign = "";
        var body = token;
        if (body.Length > 0 && body[0] is '-' or '+' or '−')
        {
            sign = body[0] == '+' ? "" : "-";
            body = body[1..];
        }

        var parts = body.Split(point);
        if (parts.Length > 2) return false;
        var integer = parts[0];
        var fraction = parts.Length == 2 ? parts[1] : null;
        if (fraction is not null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))) return false;

        var groups = integer.Split(group);
        if (groups[0].Length == 0 || !groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))) return false;
        // Thousands groups are exactly three digits after a lead of one to three.
        if (groups.Length > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3))) return false;

        var invariant = sign + string.Concat(groups) + (fraction is null ? "" : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static string Name(NumberCulture culture) => culture == NumberCulture.ViVn ? "vi-VN" : "en-US";

    private static string Example(NumberCulture culture) =>
        culture == NumberCulture.ViVn ? "vi-VN writes 2.312 for two thousand three hundred twelve and 175,158 for a decimal"
            : "en-US writes 2,312 for two thousand three hundred twelve and 175.158 for a decimal";
}
