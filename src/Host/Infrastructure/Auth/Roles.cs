namespace GovReport.Host.Infrastructure.Auth;

/// <summary>The values a token's repeatable <c>role</c> claim may take.</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string Approver = "approver";
    public const string Planner = "planner";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Approver, Planner, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
