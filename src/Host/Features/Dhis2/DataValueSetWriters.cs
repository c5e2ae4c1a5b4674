using System.IO.Pipelines;
using System.Text.Json;
using System.Xml;
using GovReport.Domain.Interop;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Dhis2;

/// <summary>Writes an export as it is read: one unit-month of official figures at a time, straight to the response.</summary>
internal interface IDataValueSetWriter : IAsyncDisposable
{
    Task StartAsync(CancellationToken ct);
    Task WriteAsync(OfficialFigureSet set, CancellationToken ct);
    Task EndAsync(CancellationToken ct);
}

/// <summary>DHIS2's dataValueSets JSON; values are text, as DHIS2 writes them.</summary>
internal sealed class Dhis2JsonWriter(PipeWriter body, Dhis2Mapping mapping) : IDataValueSetWriter
{
    // Past this many bytes written since the last flush, hand them to the response, so memory stays flat
    // however large the export. Counted as committed + pending: the writer commits to the pipe on its own
    // each time a block (4 KB from Kestrel's pool) fills, so its pending bytes alone never reach this, and
    // a check on them let the whole export pile up in the pipe unflushed.
    private const int FlushBytes = 32 * 1024;
    private readonly Utf8JsonWriter _json = new(body);
    private long _flushedAt;

    public async Task StartAsync(CancellationToken ct)
    {
        _json.WriteStartObject();
        if (mapping.DataSet is { } dataSet) _json.WriteString("dataSet", dataSet);
        _json.WriteStartArray("dataValues");
        await FlushAsync(ct);
    }

    public async Task WriteAsync(OfficialFigureSet set, CancellationToken ct)
    {
        Write(set);
        if (_json.BytesCommitted + _json.BytesPending - _flushedAt >= FlushBytes) await FlushAsync(ct);
    }

    // Names and each set's shared texts encoded once, not once a value: a national export writes
    // millions of values. The default encoder, as the writer's own, so the bytes are the same.
    private static readonly JsonEncodedText DataElementName = JsonEncodedText.Encode("dataElement");
    private static readonly JsonEncodedText PeriodName = JsonEncodedText.Encode("period");
    private static readonly JsonEncodedText OrgUnitName = JsonEncodedText.Encode("orgUnit");
    private static readonly JsonEncodedText ComboName = JsonEncodedText.Encode("categoryOptionCombo");
    private static readonly JsonEncodedText AttributeName = JsonEncodedText.Encode("attributeOptionCombo");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText LastUpdatedName = JsonEncodedText.Encode("lastUpdated");
    private readonly Dictionary<string, (JsonEncodedText Element, JsonEncodedText? Combo)> _elements = new(StringComparer.Ordinal);
    private readonly JsonEncodedText? _attribute = mapping.AttributeOptionCombo is { } a ? JsonEncodedText.Encode(a) : null;

    private void Write(OfficialFigureSet set)
    {
        var period = JsonEncodedText.Encode(Dhis2Periods.MonthId(Month.Parse(set.Month)));
        var orgUnit = JsonEncodedText.Encode(mapping.OrgUnit(set.Unit));
        var lastUpdated = JsonEncodedText.Encode(set.Since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff"));
        Span<char> value = stackalloc char[64];
        foreach (var indicator in Sorted(set.Figures))
        {
            var (element, combo) = ElementOf(indicator);
            _json.WriteStartObject();
            _json.WriteString(DataElementName, element);
            _json.WriteString(PeriodName, period);
            _json.WriteString(OrgUnitName, orgUnit);
            if (combo is { } c) _json.WriteString(ComboName, c);
            if (_attribute is { } attribute) _json.WriteString(AttributeName, attribute);
            var figure = set.Figures[indicator];
            if (Dhis2Import.TryFormatValue(figure, value, out var written)) _json.WriteString(ValueName, value[..written]);
            else _json.WriteString(ValueName, Dhis2Import.FormatValue(figure));
            _json.WriteString(LastUpdatedName, lastUpdated);
            _json.WriteEndObject();
        }
    }

    private (JsonEncodedText, JsonEncodedText?) ElementOf(string indicator)
    {
        if (_elements.TryGetValue(indicator, out var known)) return known;
        var element = mapping.Element(indicator);
        return _elements[indicator] = (JsonEncodedText.Encode(element.DataElement),
            element.CategoryOptionCombo is { } combo ? JsonEncodedText.Encode(combo) : null);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        _json.Flush();
        _flushedAt = _json.BytesCommitted;
        await body.FlushAsync(ct);
    }

    internal static string[] Sorted(IReadOnlyDictionary<string, decimal> figures)
    {
        var indicators = figures.Keys.ToArray();
        Array.Sort(indicators, StringComparer.Ordinal);
        return indicators;
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}

/// <summary>ADX (IHE QRPH): one group per unit-month, its period the month's first day and P1M.</summary>
internal sealed class AdxWriter(Stream body, Dhis2Mapping mapping, TimeProvider clock) : IDataValueSetWriter
{
    public const string Namespace = "urn:ihe:qrph:adx:2015";
    private const int FlushEvery = 64;
    private readonly XmlWriter _xml = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Indent = false });
    private int _groups;

    public async Task StartAsync(CancellationToken ct)
    {
        await _xml.WriteStartDocumentAsync();
        await _xml.WriteStartElementAsync(null, "adx", Namespace);
        await _xml.WriteAttributeStringAsync(null, "exported", null, clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        await _xml.FlushAsync();
    }

    public async Task WriteAsync(OfficialFigureSet set, CancellationToken ct)
    {
        await _xml.WriteStartElementAsync(null, "group", Namespace);
        await _xml.WriteAttributeStringAsync(null, "orgUnit", null, mapping.OrgUnit(set.Unit));
        await _xml.WriteAttributeStringAsync(null, "period", null, Dhis2Periods.AdxMonth(Month.Parse(set.Month)));
        if (mapping.DataSet is { } dataSet) await _xml.WriteAttributeStringAsync(null, "dataSet", null, dataSet);
        if (mapping.AttributeOptionCombo is { } attribute) await _xml.WriteAttributeStringAsync(null, "attributeOptionCombo", null, attribute);
        foreach (var indicator in Dhis2JsonWriter.Sorted(set.Figures))
        {
            var element = mapping.Element(indicator);
            await _xml.WriteStartElementAsync(null, "dataValue", Namespace);
            await _xml.WriteAttributeStringAsync(null, "dataElement", null, element.DataElement);
            if (element.CategoryOptionCombo is { } combo) await WriteComboAsync(combo);
            await _xml.WriteAttributeStringAsync(null, "value", null, Dhis2Import.FormatValue(set.Figures[indicator]));
            await _xml.WriteEndElementAsync();
        }
        await _xml.WriteEndElementAsync();
        if (++_groups % FlushEvery == 0) await _xml.FlushAsync();
    }

    /// <summary>A combo mapped as ADX disaggregation (<c>GENDER=FMLE;HIV_AGE=AGE0-14</c>) goes out as those attributes, as ADX carries it.</summary>
    private async Task WriteComboAsync(string combo)
    {
        var pairs = combo.Split(';').Select(p => p.Split('=', 2)).ToList();
        if (pairs.All(p => p.Length == 2 && IsName(p[0]) && p[0] is not ("dataElement" or "value" or "categoryOptionCombo")))
            foreach (var pair in pairs) await _xml.WriteAttributeStringAsync(null, pair[0], null, pair[1]);
        else
            await _xml.WriteAttributeStringAsync(null, "categoryOptionCombo", null, combo);
    }

    private static bool IsName(string text)
    {
        try { return XmlConvert.VerifyNCName(text) == text; }
        catch (XmlException) { return false; }
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await _xml.WriteEndElementAsync();
        await _xml.WriteEndDocumentAsync();
        await _xml.FlushAsync();
    }

    public ValueTask DisposeAsync() => _xml.DisposeAsync();
}
