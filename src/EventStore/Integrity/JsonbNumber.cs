using System.Text;

namespace GovReport.EventStore.Integrity;

/// <summary>
/// A JSON number spelled the way jsonb gives it back. jsonb keeps a number as PostgreSQL's
/// numeric: every digit and the scale survive, but an exponent is written out, a negative zero
/// loses its sign and the scale becomes max(0, decimals − exponent) — '1.50' stays 1.50, 1e3
/// becomes 1000, 1.50e1 becomes 15.0. Applying the same rule to the text a writer sent gives the
/// text verify reads back, so the hash can cover the number exactly instead of a double near it.
/// </summary>
public static class JsonbNumber
{
    /// <param name="raw">A valid JSON number token, e.g. from <c>JsonElement.GetRawText()</c>.</param>
    public static string Normalise(ReadOnlySpan<char> raw)
    {
        var negative = raw.Length > 0 && raw[0] == '-';
        if (negative) raw = raw[1..];
        var exponentAt = raw.IndexOfAny('e', 'E');
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(raw[(exponentAt + 1)..], System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture);
            raw = raw[..exponentAt];
        }
        var point = raw.IndexOf('.');
        var whole = point >= 0 ? raw[..point] : raw;
        var fraction = point >= 0 ? raw[(point + 1)..] : [];

        // The digits with the decimal point moved by the exponent: its natural place leaves
        // exactly max(0, decimals − exponent) digits after it, which is numeric's scale.
        var digits = string.Concat(whole, fraction);
        var pointAt = whole.Length + exponent;
        string integerPart, fractionPart;
        if (pointAt <= 0)
            (integerPart, fractionPart) = ("0", new string('0', -pointAt) + digits);
        else if (pointAt >= digits.Length)
            (integerPart, fractionPart) = (digits + new string('0', pointAt - digits.Length), "");
        else
            (integerPart, fractionPart) = (digits[..pointAt], digits[pointAt..]);
        integerPart = integerPart.TrimStart('0');
        if (integerPart.Length == 0) integerPart = "0";

        var isZero = !digits.AsSpan().ContainsAnyExcept('0');
        var text = new StringBuilder(integerPart.Length + fractionPart.Length + 2);
        if (negative && !isZero) text.Append('-');
        text.Append(integerPart);
        if (fractionPart.Length > 0) text.Append('.').Append(fractionPart);
        return text.ToString();
    }
}
