namespace GovReport.Domain.Errors;

/// <summary>A rejected command. <see cref="Code"/> is a stable kebab-case string clients may switch on.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null);
