using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Interop;

/// <summary>An indicator as a DHIS2 data element, optionally one disaggregation of it (a category option combo).</summary>
public sealed record Dhis2Element(string DataElement, string? CategoryOptionCombo = null);

/// <summary>
/// The deployment's ids on the DHIS2 side. A unit or indicator without an entry keeps the
/// service's own code, so the default mapping is the identity. The tables must be one-to-one:
/// a DHIS2 id that two codes map to could not be read back.
/// </summary>
public sealed class Dhis2Mapping
{
    private readonly Dictionary<string, string> _units;
    private readonly Dictionary<string, string> _unitsBack;
    private readonly Dictionary<string, Dhis2Element> _elements;
    private readonly Dictionary<(string, string?), string> _elementsBack;
    private readonly HashSet<string> _mappedElements = new(StringComparer.Ordinal);

    public static Dhis2Mapping Identity { get; } = new(new Dictionary<string, string>(), new Dictionary<string, Dhis2Element>());

    public Dhis2Mapping(IReadOnlyDictionary<string, string> units, IReadOnlyDictionary<string, Dhis2Element> elements,
        string? dataSet = null, string? attributeOptionCombo = null)
    {
        _units = new(units, StringComparer.Ordinal);
        _unitsBack = new(StringComparer.Ordinal);
        foreach (var (unit, orgUnit) in units)
            if (!_unitsBack.TryAdd(orgUnit, unit))
                throw new ArgumentException($"DHIS2 org unit '{orgUnit}' is mapped from both '{_unitsBack[orgUnit]}' and '{unit}'.", nameof(units));
        _elements = new(elements, StringComparer.Ordinal);
        _elementsBack = new();
        foreach (var (indicator, element) in elements)
            if (!_elementsBack.TryAdd((element.DataElement, element.CategoryOptionCombo), indicator))
                throw new ArgumentException($"DHIS2 data element '{element.DataElement}' ({element.CategoryOptionCombo ?? "default"}) is mapped from two indicators.", nameof(elements));
        foreach (var element in elements.Values) _mappedElements.Add(element.DataElement);
        DataSet = dataSet;
        AttributeOptionCombo = attributeOptionCombo;
    }

    /// <summary>The data set exported values name, when the deployment has one.</summary>
    public string? DataSet { get; }

    public string? AttributeOptionCombo { get; }

    /// <summary>Whether a value's attribute option combo is the one this deployment's values carry (none, DHIS2's default, or the configured one).</summary>
    public bool Accepts(string? attributeOptionCombo) =>
        string.IsNullOrEmpty(attributeOptionCombo) || IsDefaultCombo(attributeOptionCombo) || attributeOptionCombo == AttributeOptionCombo;

    public string OrgUnit(string unit) => _units.GetValueOrDefault(unit) ?? unit;

    public Dhis2Element Element(string indicator) => _elements.GetValueOrDefault(indicator) ?? new Dhis2Element(indicator);

    /// <summary>The unit an org unit id names: a mapped one, or an unmapped id read as the service's own.</summary>
    public string? Unit(string orgUnit) =>
        _unitsBack.TryGetValue(orgUnit, out var unit) ? unit : _units.ContainsKey(orgUnit) ? null : orgUnit;

    /// <summary>
    /// The indicator a data element (and combo) names. A combo of none or DHIS2's <c>default</c>
    /// matches an entry without one; an unmapped element is read as the service's own code.
    /// </summary>
    public string? Indicator(string dataElement, string? categoryOptionCombo)
    {
        var combo = string.IsNullOrEmpty(categoryOptionCombo) ? null : categoryOptionCombo;
        if (combo is not null && _elementsBack.TryGetValue((dataElement, combo), out var byCombo)) return byCombo;
        if ((combo is null || IsDefaultCombo(combo)) && _elementsBack.TryGetValue((dataElement, null), out var plain)) return plain;
        if (combo is not null && !IsDefaultCombo(combo)) return null;
        // An id the mapping sends elsewhere is not also read as itself.
        return _elements.ContainsKey(dataElement) || _mappedElements.Contains(dataElement) ? null : dataElement;
    }

    // DHIS2's default category option combo: its well-known uid and its name.
    private static bool IsDefaultCombo(string combo) => combo is "HllvX50cXC0" or "default";
}
