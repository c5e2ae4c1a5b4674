using System.Globalization;
using System.Text;
using GovReport.EventStore.Integrity;

namespace GovReport.EventStore.Tests;

/// <summary>
/// An append canonicalises each body in one pass over its bytes; verify recomputes the hash from
/// what jsonb gives back, through a parsed document. Both must spell every body alike, or an
/// untouched event would look tampered with.
/// </summary>
public sealed class CanonicalJsonFastPathTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "175.158", "1.50", "0.00", "-0.0", "-0.5", "1e3", "1E+2", "1.5e-3", "-1.23e2", "0e5",
        "84.000000000000001", "123456789012345678901234567890.000", "-0.000000000000000000001", "10.0e-1", "100",
    ];

    private static readonly string[] Strings =
    [
        "", "plain", "xa-nong-thuong", "Sửa số liệu tháng 3", "a\\\"quote", "line\\nbreak", "<b>&amp;'</b>", "\\u00e9t\\u00e9",
        "tab\\there", "emoji \ud83d\ude00", "\\ud83d\\ude00", "\u2028", "slash/\\/", "\u007f",
    ];

    public static TheoryData<string> Bodies() => new(BodyList());

    private static List<string> BodyList()
    {
        var bodies = new List<string>
        {
            """{"unit":"xa-nong-thuong","month":"2022-03","figures":[{"indicator":"forest-planted","value":175.158}],"narrative":null,"onTime":true}""",
            """{ "b" : 1, "a" : [ 1 , 2 ] }""",
            """{"a":{"z":1,"y":{"d":[],"c":{}}},"b":[{"k":2,"j":1}]}""",
            """{"a":1,"a":2}""",
            """{"b":1,"a":2,"b":3}""",
            """{"ä":1,"a":2}""",
            """{"\u00e4":1,"z":2}""",
            """[]""", """{}""", "\"text\"", """12.50""", """true""", """null""",
        };
        foreach (var n in Numbers) bodies.Add($$$"""{"v":{{{n}}},"list":[{{{n}}},{"x":{{{n}}}}]}""");
        foreach (var s in Strings) bodies.Add($$$"""{"text":"{{{s}}}","nested":{"b":"{{{s}}}","a":1}}""");
        return bodies;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_one_pass_spelling_equals_the_document_spelling(string json) =>
        Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.ToUtf8ViaDocument(json, exactNumbers: true)),
            Encoding.UTF8.GetString(CanonicalJson.ToUtf8(json)));

    [Fact]
    public void Random_bodies_of_every_shape_spell_alike_both_ways()
    {
        var random = new Random(15);
        for (var i = 0; i < 2_000; i++)
        {
            var json = RandomValue(random, depth: 0);
            Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.ToUtf8ViaDocument(json, exactNumbers: true)),
                Encoding.UTF8.GetString(CanonicalJson.ToUtf8(json)));
        }
    }

    [Fact]
    public void What_our_serializer_writes_takes_the_one_pass_path()
    {
        var figures = string.Join(',', Enumerable.Range(0, 100).Select(i => $$"""{"indicator":"indicator-{{i:D3}}","value":{{(i * 1.125m).ToString(CultureInfo.InvariantCulture)}}}"""));
        var body = $$"""{"unit":"xa-nong-thuong","month":"2022-03","figures":[{{figures}}],"narrative":null,"submittedAt":"2022-04-02T00:00:00+00:00","onTime":true}""";

        Assert.NotNull(CanonicalJsonWriter.TryWrite(body));
    }

    [Fact]
    public async Task Bodies_hashed_in_one_pass_at_append_verify_intact_from_what_jsonb_gives_back()
    {
        var who = new EventMetadata("tester", "test", Reason: "Sửa số liệu <b>&</b>");
        var stream = StoreFixture.NewStream("one-pass");
        var bodies = BodyList().Where(b => b.StartsWith('{')).ToList();
        var random = new Random(16);
        bodies.AddRange(Enumerable.Range(0, 200).Select(_ => $$"""{"r":{{RandomValue(random, 0)}}}"""));
        // Bodies with a repeated key are left out: jsonb keeps only the last, which is another story.
        await fx.Store.AppendAsync(stream, ExpectedVersion.NoStream,
            bodies.Where(b => !HasRepeatedKey(b))
                .Select(b => new NewEvent("t", b, who)).ToList());

        Assert.True((await ChainVerifier.VerifyAsync(fx.DataSource)).Intact);
    }

    private static bool HasRepeatedKey(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return Repeats(document.RootElement);

        static bool Repeats(System.Text.Json.JsonElement e) => e.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object =>
                e.EnumerateObject().GroupBy(p => p.Name).Any(g => g.Count() > 1) || e.EnumerateObject().Any(p => Repeats(p.Value)),
            System.Text.Json.JsonValueKind.Array => e.EnumerateArray().Any(Repeats),
            _ => false,
        };
    }

    private static string RandomValue(Random random, int depth)
    {
        var kind = random.Next(depth > 3 ? 3 : 5);
        return kind switch
        {
            0 => Numbers[random.Next(Numbers.Length)],
            1 => $"\"{Strings[random.Next(Strings.Length)]}\"",
            2 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            3 => "[" + string.Join(random.Next(2) == 0 ? "," : " , ", Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))) + "]",
            _ => "{" + string.Join(',', Enumerable.Range(0, random.Next(5)).Select(_ => $"\"{Key(random)}\":{RandomValue(random, depth + 1)}")) + "}",
        };
    }

    private static string Key(Random random) => random.Next(12) switch
    {
        0 => "ä",
        1 => "a\\u0062",
        2 => "",
        var n => ((char)('a' + n)).ToString() + (random.Next(2) == 0 ? "" : "x"),
    };
}
