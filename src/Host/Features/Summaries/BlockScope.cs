using GovReport.Domain.Catalogue;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// How a summary names a block (khối). Unit ids are slugs and never hold a colon, so the scope
/// <c>block:kinh-te</c> cannot be a unit; its stream is <c>summary-block-kinh-te-2022-08</c>.
/// </summary>
public static class BlockScope
{
    public const string Prefix = "block:";

    public static bool IsBlock(string scope) => scope.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Of(string block) => Prefix + block;

    public static string BlockOf(string scope) => scope[Prefix.Length..];

    /// <summary>The scope as a stream id spells it: a block's colon becomes a dash.</summary>
    public static string StreamPart(string scope) => IsBlock(scope) ? "block-" + BlockOf(scope) : scope;

    /// <summary>Stream ids are slugs, so only a block written as one (as the seeds write them) gets summaries.</summary>
    public static bool IsSummarisable(string block) => UnitId.TryParse(block, out _, out _);

    /// <summary>A block dressed as a scope row, so the publisher and builder take it like a unit.</summary>
    public static UnitRow Row(string block, DateTimeOffset at) => new(Of(block), NameOf(block), "block", null, block, at, at);

    public static string NameOf(string block) => block switch
    {
        "van-hoa-xa-hoi" => "Khối Văn hóa – Xã hội",
        "kinh-te" => "Khối Kinh tế",
        "noi-chinh" => "Khối Nội chính",
        _ => $"Khối {block}",
    };
}
