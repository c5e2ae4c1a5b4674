using GovReport.Domain.Interop;

namespace GovReport.Host.Features.Dhis2;

/// <summary>
/// The deployment's DHIS2 mapping, bound from the <c>Dhis2</c> section: <c>Units</c> (unit id →
/// org unit uid), <c>DataElements</c> (indicator code → {dataElement, categoryOptionCombo?}),
/// and the <c>DataSet</c> and <c>AttributeOptionCombo</c> exported values name. Anything left
/// out keeps the service's own code.
/// </summary>
public sealed class Dhis2Options
{
    public const string Section = "Dhis2";

    public Dictionary<string, string> Units { get; set; } = [];

    public Dictionary<string, Dhis2ElementOptions> DataElements { get; set; } = [];

    public string? DataSet { get; set; }

    public string? AttributeOptionCombo { get; set; }

    /// <summary>Data values one import may carry; the body limit usually bites first.</summary>
    public int MaxImportValues { get; set; } = 50_000;

    /// <summary>Where approved figures are pushed (<c>Dhis2:Push</c>); off unless enabled with a base URL.</summary>
    public Dhis2PushOptions Push { get; set; } = new();

    public Dhis2Mapping ToMapping() => new(
        Units,
        DataElements.ToDictionary(e => e.Key, e => new Dhis2Element(e.Value.DataElement ?? e.Key, Blank(e.Value.CategoryOptionCombo))),
        Blank(DataSet), Blank(AttributeOptionCombo));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class Dhis2ElementOptions
{
    public string? DataElement { get; set; }
    public string? CategoryOptionCombo { get; set; }
}

/// <summary>
/// The DHIS2 instance approved figures go to: <c>BaseUrl</c> (the figures are POSTed to
/// <c>{BaseUrl}/api/dataValueSets</c>), and either a personal access <c>Token</c> or
/// <c>Username</c>/<c>Password</c>.
/// </summary>
public sealed class Dhis2PushOptions
{
    public bool Enabled { get; set; }
    public string? BaseUrl { get; set; }
    public string? Token { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }

    public bool Configured => Enabled && Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    public Uri Endpoint => new(BaseUrl!.TrimEnd('/') + "/api/dataValueSets");
}
