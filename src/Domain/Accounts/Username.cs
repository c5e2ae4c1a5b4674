using System.Text.RegularExpressions;

namespace GovReport.Domain.Accounts;

/// <summary>
/// What a person types into "Tên đăng nhập": lower-case ASCII letters, digits, dot, underscore and
/// hyphen, 2 to 64 characters. It is the account's stream key and the token's <c>sub</c>, so it
/// never changes and never needs escaping.
/// </summary>
public static partial class Username
{
    public const int MinLength = 2;
    public const int MaxLength = 64;

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    public static string Explain(string? text) =>
        $"A username is {MinLength}–{MaxLength} characters of a–z, 0–9, '.', '_' or '-' (got '{Shorten(text)}').";

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 70 ? text : text[..70] + "…";

    [GeneratedRegex("^[a-z0-9._-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// The rule a chosen password must meet. The domain sees only the rule; the password itself goes
/// straight from the caller to the hasher and is never stored, logged or put in an event.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static bool IsAcceptable(string? password) =>
        password is { Length: >= MinLength and <= MaxLength } && !string.IsNullOrWhiteSpace(password);

    public static string Explain => $"A password has {MinLength}–{MaxLength} characters.";
}
