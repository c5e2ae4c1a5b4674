namespace GovReport.Domain.Interop;

/// <summary>
/// One data value as DHIS2 exchanges it (dataValueSets JSON or an ADX dataValue with its group's
/// attributes). Every field is text, as DHIS2 sends it, so a bad one is a conflict, not a parse failure.
/// </summary>
public sealed record Dhis2DataValue(
    string? DataElement, string? Period, string? OrgUnit, string? Value,
    string? CategoryOptionCombo = null, string? AttributeOptionCombo = null);

/// <summary>A value DHIS2 would not import, as its import summary names it: the offending id and why.</summary>
public sealed record Dhis2Conflict(string Object, string Value, int? Index = null);
