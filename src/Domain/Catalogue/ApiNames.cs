namespace GovReport.Domain.Catalogue;

internal static class ApiNames
{
    public static bool TryParse<T>((T Value, string Name)[] names, string? text, string what, out T value, out string? error)
        where T : struct
    {
        foreach (var (v, name) in names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                (value, error) = (v, null);
                return true;
            }
        }

        value = default;
        error = $"'{text}' is not a {what}; expected one of {string.Join(", ", names.Select(n => n.Name))}.";
        return false;
    }
}
