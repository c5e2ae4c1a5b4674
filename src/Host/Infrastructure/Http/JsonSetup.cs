using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovReport.Host.Infrastructure.Http;

internal static class JsonSetup
{
    /// <summary>camelCase properties, kebab-case enum strings, numbers only as JSON numbers, no control characters in text.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new StoredTextConverter());
    }
}
