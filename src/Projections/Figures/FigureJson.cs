using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GovReport.Domain.Reports;

namespace GovReport.Projections.Figures;

/// <summary>
/// A month's figures of one unit, indicator code → value, as stored in jsonb. Read and written
/// by hand: a rebuild moves millions of them, and the general serializer was a third of its time.
/// </summary>
public static class FigureJson
{
    /// <summary>
    /// Either shape the read models keep: an object of indicator → value, or a submission's own
    /// array of <c>{"indicator", "value"}</c> (see the view official_figure_sets).
    /// </summary>
    public static Dictionary<string, decimal> Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary><see cref="Parse(string)"/> from the UTF-8 text itself, as a column's bytes arrive.</summary>
    public static Dictionary<string, decimal> Parse(ReadOnlySpan<byte> utf8)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        ParseInto(utf8, figures, static (into, indicator, value) => into[indicator] = value);
        return figures;
    }

    /// <summary>
    /// Each figure of either shape, in order, handed to <paramref name="add"/> with no dictionary
    /// of its own: a comparison puts sixteen months of a hundred figures straight into one.
    /// </summary>
    public static void ParseInto<TState>(ReadOnlySpan<byte> utf8, TState state, Action<TState, string, decimal> add)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var figure = FigureValueJsonConverter.ReadFigure(ref reader);
                add(state, figure.Indicator.Value, figure.Value);
            }
            return;
        }
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Figures must be a JSON object or an array of figures.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var indicator = reader.GetString()!;
            reader.Read();
            add(state, indicator, reader.GetDecimal());
        }
    }

    /// <summary>Many figure sets at once, on every core: a rebuild page writes thousands.</summary>
    public static string[] WriteAll(IReadOnlyList<IReadOnlyDictionary<string, decimal>> sets)
    {
        var json = new string[sets.Count];
        if (sets.Count < 256) for (var i = 0; i < sets.Count; i++) json[i] = Write(sets[i]);
        else Parallel.For(0, sets.Count, i => json[i] = Write(sets[i]));
        return json;
    }

    public static string Write(IReadOnlyDictionary<string, decimal> figures)
    {
        var buffer = new ArrayBufferWriter<byte>(figures.Count * 32 + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Keys in ordinal order, so equal figure sets are equal text.
            var indicators = figures.Keys.ToArray();
            Array.Sort(indicators, StringComparer.Ordinal);
            foreach (var indicator in indicators) writer.WriteNumber(indicator, figures[indicator]);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
