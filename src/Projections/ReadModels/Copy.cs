using Npgsql;
using NpgsqlTypes;

namespace GovReport.Projections.ReadModels;

/// <summary>Small helpers for binary COPY, the way projectors write many new rows at once.</summary>
internal static class Copy
{
    public static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : class =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    public static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct =>
        value is { } present ? copy.WriteAsync(present, type) : copy.WriteNullAsync();
}
