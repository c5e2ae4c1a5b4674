namespace GovReport.Domain.Catalogue;

/// <summary>The identifier shape shared by unit ids and indicator codes: [a-z0-9-]{2,64}.</summary>
internal static class Slug
{
    public static bool IsValid(string? text) =>
        text is { Length: >= 2 and <= 64 } && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public static string Explain(string? text, string what) =>
        $"'{text}' is not a valid {what}: use 2 to 64 lower-case letters a-z, digits or '-'.";
}
