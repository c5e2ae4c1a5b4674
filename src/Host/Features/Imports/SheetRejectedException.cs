namespace GovReport.Host.Features.Imports;

/// <summary>
/// Why a whole file cannot be read, as opposed to a bad line in it. Each value is also the
/// <c>import</c> verb's exit code, so a script can tell the cases apart (README, "import").
/// </summary>
public enum SheetProblem
{
    UnknownFormat = 10,
    Empty = 11,
    TooLarge = 12,
    NotAWorkbook = 13,
    ZipBomb = 14,
    NoSheet = 15,
    TooManyRows = 16,
    CellTooLong = 17,
    TooMuchText = 18,
    NotText = 19,
}

/// <summary>The file as a whole is refused; <see cref="Exception.Message"/> is one line for the person who sent it.</summary>
public sealed class SheetRejectedException(SheetProblem problem, string message) : Exception(message)
{
    public SheetProblem Problem { get; } = problem;
}
