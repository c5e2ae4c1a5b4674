using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Hostile and careless input for the fuzz: values that have broken services like this one
/// (overflowing numbers, years at the edge of the calendar, control characters, formula text,
/// wrong JSON types, huge strings), mixed with values that are almost right, so that requests
/// get past the first check and reach the deeper ones.
/// </summary>
public sealed class BadInput(int seed)
{
    private readonly Random _random = new(seed);

    public T Pick<T>(IReadOnlyList<T> choices) => choices[_random.Next(choices.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    private static readonly string[] Slugs =
    [
        "bac-kan", "xa-nong-thuong", "xa-duong-quang", "cho-moi", "phong-y-te-cho-moi", "forest-planted", "patients-per-day", "poverty-rate",
        "", "a", "UPPER", "with space", "dấu-tiếng-việt", "x%00y", "..", "-", "a--b", new string('a', 65), new string('z', 2000),
        "%2e%2e%2fetc", "'; DROP TABLE es.events; --", "null", "0", "xa-khong-ton-tai", "\u202Ebac-kan", "bac_kan", "🙂",
    ];

    private static readonly string[] Months =
    [
        "2022-08", "2022-09", "2022-07", "2021-12", "0001-01", "9999-12", "1999-12", "2000-00", "2022-13", "2022-1", "22-08", "202208",
        "2022Q3", "2022S1", "2022", "0001", "9999", "2100-01", "-2022-08", "2022-08-01", "", "%20", "2022–08", "२०२२-०८", "2147483648-01",
    ];

    private static readonly string[] Years = ["2022", "2023", "0", "0001", "9999", "1999", "-1", "2022.5", "1e3", "99999999999", "abc", "2147483648"];

    /// <summary>JSON numbers (raw text) at and past every edge a decimal or a double has.</summary>
    private static readonly string[] Numbers =
    [
        "0", "1", "12.5", "-1", "-0", "1e15", "1e15.0", "1000000000000001", "-1000000000000001", "79228162514264337593543950335",
        "79228162514264337593543950336", "-79228162514264337593543950335", "7e27", "1e308", "1e400", "-1e400", "1e-400", "0.0000000000000000000000000001",
        "0.00000000000000000000000000001", "123456789012345678901234567890.5", "100", "100.0001", "101", "1E+2", "3.14159265358979323846264338327950288",
    ];

    private static readonly string[] Texts =
    [
        "", " ", "Mưa kéo dài", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-1", "\t=1", "\u0000", "\u001b[31m", "\ud800", "<script>alert(1)</script>",
        "line\r\nbreak", new string('x', 5_000), new string('đ', 70_000), "Robert'); DROP TABLE es.events;--", "{{7*7}}", "${jndi:ldap://x}",
    ];

    // The first entries of each list are valid: picking them often lets a request pass its first
    // checks and reach the deeper ones with a single bad field.
    private T Mostly<T>(IReadOnlyList<T> choices, int valid) => Chance(0.5) ? choices[_random.Next(valid)] : Pick(choices);

    public string Slug() => Mostly(Slugs, 8);

    public string Month() => Mostly(Months, 4);

    public string Year() => Pick(Years);

    public string PathSegment(string value) => Uri.EscapeDataString(value);

    /// <summary>Any JSON value, biased to the shapes that break parsers and arithmetic.</summary>
    public string Value(int depth = 0) => _random.Next(depth > 2 ? 5 : 8) switch
    {
        0 => Pick(Numbers),
        1 => Json(Pick(Texts)),
        2 => Pick(["null", "true", "false"]),
        3 => Json(Slug()),
        4 => Json(Month()),
        5 => $"[{string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth + 1)))}]",
        6 => Object(Enumerable.Range(0, _random.Next(4)).Select(_ => ((string, string)?)(Pick(["value", "indicator", "name", "x", "", "__proto__"]), Value(depth + 1)))),
        _ => Pick(Numbers),
    };

    /// <summary>Usually the field's own kind of value, sometimes anything at all, sometimes absent.</summary>
    public (string Name, string Json)? Field(string name, Func<string> usual) =>
        Chance(0.1) ? null : (name, Chance(0.75) ? usual() : Value());

    public string Object(IEnumerable<(string Name, string Json)?> fields) =>
        "{" + string.Join(",", fields.OfType<(string Name, string Json)>().Select(f => $"{Json(f.Name)}:{f.Json}")) + "}";

    public string Array(int maxCount, Func<string> item) =>
        "[" + string.Join(",", Enumerable.Range(0, _random.Next(maxCount + 1)).Select(_ => item())) + "]";

    public string Number() => Mostly(Numbers, 4);

    public string Text() => Json(Pick(Texts));

    /// <summary>Bodies that are not the JSON they claim to be.</summary>
    public string Malformed() => Pick<Func<string>>(
    [
        () => "",
        () => "{",
        () => "{\"values\": [",
        () => "not json",
        () => "[]",
        () => "\"a string\"",
        () => "{\"values\": [{\"indicator\": \"forest-planted\", \"value\": 1}], \"values\": []}",
        () => new string('[', 5_000) + new string(']', 5_000),
        () => "{\"a\":" + new string('{', 200) + new string('}', 200) + "}",
        () => Encoding.Latin1.GetString(Enumerable.Range(0, 64).Select(_ => (byte)_random.Next(256)).ToArray()),
    ])();

    public static string Json(string text) => JsonSerializer.Serialize(text);

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
