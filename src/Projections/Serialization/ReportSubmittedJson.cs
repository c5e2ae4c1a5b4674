using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

namespace GovReport.Projections.Serialization;

/// <summary>
/// Reads a submission as this service writes it, by hand: nearly every event of a log is one,
/// and the serializer's general path for a nine-parameter constructor was most of a rebuild's
/// decoding. Anything but the written shape (another spelling of a name, a name it does not
/// know, a name twice, a missing one, a value it cannot read) is left to the serializer, which
/// then decides exactly as it always did: this only ever answers where the two agree.
/// </summary>
internal static class ReportSubmittedJson
{
    /// <returns>The submission; null where the serializer must decide.</returns>
    public static ReportSubmitted? TryRead(string json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            return Read(ref reader);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ReportSubmitted? Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        UnitId? unit = null;
        Month? month = null;
        IReadOnlyList<FigureValue>? values = null;
        Narrative? narrative = null;
        DateTimeOffset? submittedAt = null;
        bool? onTime = null;
        DateOnly? deadline = null;
        string? submittedBy = null;
        IReadOnlyList<FigureWarning>? warnings = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader);
            if (property < 0 || (seen & (1 << property)) != 0) return null;
            seen |= 1 << property;
            reader.Read();
            var isNull = reader.TokenType == JsonTokenType.Null;
            switch (property)
            {
                case 0:
                    if (reader.TokenType != JsonTokenType.String || !UnitId.TryParse(reader.GetString(), out var id, out _)) return null;
                    unit = id;
                    break;
                case 1:
                    if (reader.TokenType != JsonTokenType.String || !Month.TryParse(reader.GetString(), out var m, out _)) return null;
                    month = m;
                    break;
                case 2:
                    if (reader.TokenType != JsonTokenType.StartArray) return null;
                    values = FigureValuesJsonConverter.ReadList(ref reader);
                    break;
                case 3:
                    narrative = isNull ? null : JsonSerializer.Deserialize<Narrative>(ref reader, EventSerializer.Options);
                    break;
                case 4:
                    if (reader.TokenType != JsonTokenType.String) return null;
                    submittedAt = reader.GetDateTimeOffset();
                    break;
                case 5:
                    if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return null;
                    onTime = reader.GetBoolean();
                    break;
                case 6:
                    // The serializer reads a date as exactly yyyy-MM-dd; anything looser is its to refuse.
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != 10
                        || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return null;
                    deadline = date;
                    break;
                case 7:
                    if (!isNull && reader.TokenType != JsonTokenType.String) return null;
                    submittedBy = reader.GetString();
                    break;
                case 8:
                    warnings = isNull ? null : JsonSerializer.Deserialize<IReadOnlyList<FigureWarning>>(ref reader, EventSerializer.Options);
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
        if (unit is null || month is null || values is null || submittedAt is null || onTime is null || deadline is null) return null;
        return new ReportSubmitted(unit.Value, month.Value, values, narrative, submittedAt.Value, onTime.Value, deadline.Value, submittedBy, warnings);
    }

    /// <summary>The property's place in the written shape; -1 for any other name (or spelling).</summary>
    private static int Property(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped) return -1;
        var name = reader.ValueSpan;
        return name switch
        {
            _ when name.SequenceEqual("unit"u8) => 0,
            _ when name.SequenceEqual("month"u8) => 1,
            _ when name.SequenceEqual("values"u8) => 2,
            _ when name.SequenceEqual("narrative"u8) => 3,
            _ when name.SequenceEqual("submittedAt"u8) => 4,
            _ when name.SequenceEqual("onTime"u8) => 5,
            _ when name.SequenceEqual("deadline"u8) => 6,
            _ when name.SequenceEqual("submittedBy"u8) => 7,
            _ when name.SequenceEqual("warnings"u8) => 8,
            _ => -1,
        };
    }
}
