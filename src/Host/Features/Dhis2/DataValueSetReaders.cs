using System.Text.Json;
using System.Xml;
using GovReport.Domain.Interop;

namespace GovReport.Host.Features.Dhis2;

/// <summary>A payload that cannot be read as a whole: the request is refused (400) and nothing is imported.</summary>
internal sealed class PayloadRejectedException(string message) : Exception(message);

/// <summary>
/// Reads an import payload into data values. Both formats are read from a body already bounded
/// by the request size limit, and the number of values is bounded too. ADX is read with DTDs
/// prohibited and no resolver, so an entity can neither expand nor fetch anything.
/// </summary>
internal static class DataValueSetReaders
{
    /// <summary>DHIS2's dataValueSets JSON; the set's own period, orgUnit and attributeOptionCombo fill a value's missing ones.</summary>
    public static List<Dhis2DataValue> ReadJson(ReadOnlyMemory<byte> body, int maxValues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new PayloadRejectedException($"The body is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PayloadRejectedException("A dataValueSet is a JSON object {dataValues: [...]}.");
            if (!root.TryGetProperty("dataValues", out var values) || values.ValueKind != JsonValueKind.Array)
                throw new PayloadRejectedException("A dataValueSet needs dataValues: an array of {dataElement, period, orgUnit, value}.");
            if (values.GetArrayLength() > maxValues)
                throw new PayloadRejectedException($"A dataValueSet carries at most {maxValues} data values; split it.");
            var (period, orgUnit, attribute) = (Text(root, "period"), Text(root, "orgUnit"), Text(root, "attributeOptionCombo"));
            var result = new List<Dhis2DataValue>(values.GetArrayLength());
            foreach (var v in values.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.Object)
                {
                    result.Add(new Dhis2DataValue(null, period, orgUnit, null));
                    continue;
                }
                result.Add(new Dhis2DataValue(Text(v, "dataElement"), Text(v, "period") ?? period, Text(v, "orgUnit") ?? orgUnit,
                    Text(v, "value"), Text(v, "categoryOptionCombo"), Text(v, "attributeOptionCombo") ?? attribute));
            }
            return result;
        }
    }

    // DHIS2 writes values as text; a client may send a number. Either reads as its text.
    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => p.GetRawText(),
            _ => null,
        } : null;

    private static readonly HashSet<string> DataValueAttributes = ["dataElement", "value", "categoryOptionCombo"];
    private static readonly HashSet<string> GroupAttributes = ["orgUnit", "period", "dataSet", "attributeOptionCombo", "completeDate", "comment"];

    /// <summary>
    /// ADX: each group's orgUnit and period (the month's first day and P1M) apply to its dataValues.
    /// A dataValue disaggregated by category attributes (ADX's <c>SEX="F"</c> style) carries them as
    /// its combo, so unless the mapping names that combo it is a conflict, never silently summed.
    /// </summary>
    public static List<Dhis2DataValue> ReadAdx(ReadOnlyMemory<byte> body, int maxValues)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = body.Length * 2L + 1024,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };
        var result = new List<Dhis2DataValue>();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), settings);
            reader.MoveToContent();
            if (reader.LocalName != "adx" || reader.NamespaceURI != AdxWriter.Namespace)
                throw new PayloadRejectedException($"An ADX message has the root element adx in the namespace {AdxWriter.Namespace}.");
            string? orgUnit = null, period = null, attribute = null;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != AdxWriter.Namespace) continue;
                if (reader.LocalName == "group")
                {
                    orgUnit = reader.GetAttribute("orgUnit");
                    var raw = reader.GetAttribute("period");
                    period = Dhis2Periods.TryAdxMonth(raw, out var month, out _) ? Dhis2Periods.MonthId(month) : raw;
                    attribute = reader.GetAttribute("attributeOptionCombo") ?? Disaggregation(reader, GroupAttributes);
                }
                else if (reader.LocalName == "dataValue")
                {
                    if (result.Count == maxValues)
                        throw new PayloadRejectedException($"An ADX message carries at most {maxValues} data values; split it.");
                    var combo = reader.GetAttribute("categoryOptionCombo") ?? Disaggregation(reader, DataValueAttributes);
                    result.Add(new Dhis2DataValue(reader.GetAttribute("dataElement"), period, orgUnit, reader.GetAttribute("value"), combo, attribute));
                }
            }
        }
        catch (XmlException e)
        {
            throw new PayloadRejectedException($"The body is not a well-formed ADX message: {e.Message}");
        }
        return result;
    }

    /// <summary>The attributes beyond the known ones, as <c>NAME=value</c> pairs sorted by name and joined by <c>;</c>, or null.</summary>
    private static string? Disaggregation(XmlReader reader, HashSet<string> known)
    {
        List<string>? pairs = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix is "xmlns" || reader.Name == "xmlns" || reader.NamespaceURI.Length > 0 || known.Contains(reader.LocalName)) continue;
                (pairs ??= []).Add($"{reader.LocalName}={reader.Value}");
            } while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        // Sorted by name: the same disaggregation is the same combo whatever order the sender wrote it in.
        return pairs is null ? null : string.Join(";", pairs.Order(StringComparer.Ordinal));
    }
}
