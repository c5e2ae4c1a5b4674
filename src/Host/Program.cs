using GovReport.Host.Infrastructure.Cli;

return await Verbs.RunAsync(args);

// WebApplicationFactory<Program> finds the entry point through this type.
public partial class Program;
