namespace GovReport.Host.Infrastructure.Cli;

/// <summary><c>serve</c>: runs the HTTP host until it is asked to stop.</summary>
public static class ServeVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = GovReportApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
