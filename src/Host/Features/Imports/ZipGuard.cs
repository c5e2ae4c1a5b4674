using System.Buffers.Binary;
using System.IO.Compression;

namespace GovReport.Host.Features.Imports;

/// <summary>
/// Judges a workbook's zip from its directory alone, before a byte of it is inflated: how many
/// entries, how large they say they are, and how hard they are compressed. The sizes are the
/// ones the zip declares; .NET's inflater stops at the declared size, so a zip that lies gets a
/// truncated part (damaged XML), never more bytes than declared.
/// </summary>
internal static class ZipGuard
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const int EndOfDirectoryLength = 22;

    public static void Check(byte[] content)
    {
        // The entry count comes from the end record, so a directory of a million entries is
        // refused before the archive reader builds an object for each.
        var entries = DeclaredEntries(content)
            ?? throw new SheetRejectedException(SheetProblem.NotAWorkbook, "the file is not an .xlsx workbook (it is not a zip archive).");
        if (entries > SheetLimits.MaxZipEntries)
            throw Bomb($"the workbook's zip holds {entries:N0} entries; a workbook has at most {SheetLimits.MaxZipEntries}.");

        using var archive = Open(content);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            if (entry.Length > SheetLimits.RatioJudgedAbove && entry.Length > (long)SheetLimits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw Bomb($"'{entry.FullName}' is compressed {entry.Length / Math.Max(1, entry.CompressedLength):N0} times over; a genuine sheet is not.");
            total += entry.Length;
            if (total > SheetLimits.MaxUncompressedBytes)
                throw Bomb($"the workbook inflates to more than {SheetLimits.MaxUncompressedBytes / (1024 * 1024)} MB; a month's sheet is far smaller.");
        }
    }

    private static ZipArchive Open(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new SheetRejectedException(SheetProblem.NotAWorkbook, "the file is not an .xlsx workbook (its zip directory is damaged).");
        }
    }

    /// <summary>The entry count of the end-of-directory record, searched for behind a comment of up to 64 KB.</summary>
    private static int? DeclaredEntries(byte[] content)
    {
        var lowest = Math.Max(0, content.Length - EndOfDirectoryLength - ushort.MaxValue);
        for (var at = content.Length - EndOfDirectoryLength; at >= lowest; at--)
        {
            var record = content.AsSpan(at, EndOfDirectoryLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != EndOfDirectorySignature) continue;
            // 0xFFFF means the real count is in a ZIP64 record: more than any workbook needs.
            return BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        }
        return null;
    }

    private static SheetRejectedException Bomb(string message) => new(SheetProblem.ZipBomb, message);
}
