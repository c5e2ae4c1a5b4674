using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovReport.Host.Infrastructure.Http;

/// <summary>
/// Collects every bad field of one request so a client learns all of them at once; a request
/// with any is answered 400 before anything is appended.
/// </summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    // A refusal with a code of its own (a report naming a computed indicator) keeps that code when
    // it is the only kind of error; anything else makes the problem a plain validation one.
    private static readonly HashSet<string> OwnCodes = [ErrorCodes.ComputedIndicator];
    private readonly HashSet<string> _ownCodes = new(StringComparer.Ordinal);
    private bool _plain;

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Every message with its field, in the order the fields were first named.</summary>
    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public void Add(string field, string message)
    {
        _plain = true;
        Record(field, message);
    }

    private void Record(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        if (!messages.Contains(message)) messages.Add(message);
    }

    public void Add(DomainError error)
    {
        if (OwnCodes.Contains(error.Code)) _ownCodes.Add(error.Code);
        else _plain = true;
        Record(error.Field ?? "body", error.Message);
        // The web pages say it in Vietnamese by code; the API keeps the message.
        _codes.TryAdd(error.Field ?? "body", error.Code);
    }

    /// <summary>The domain code of a field's first error, when a domain check named it; null for a shape error.</summary>
    public string? CodeOf(string field) => _codes.GetValueOrDefault(field);

    public UnitId? UnitId(string field, string? text)
    {
        if (Domain.Catalogue.UnitId.TryParse(text, out var id, out var error)) return id;
        Add(field, error!);
        return null;
    }

    public IndicatorCode? IndicatorCode(string field, string? text)
    {
        if (Domain.Catalogue.IndicatorCode.TryParse(text, out var code, out var error)) return code;
        Add(field, error!);
        return null;
    }

    /// <summary>
    /// An optional instant (<c>asOf</c>, <c>from</c>, <c>to</c>): blank means absent. Every endpoint
    /// reads instants through here, so they all accept and refuse the same texts.
    /// </summary>
    public DateTimeOffset? Instant(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Instants.TryParse(text, out var instant)) return instant;
        Add(field, Instants.Explain(text));
        return null;
    }

    /// <summary>A required text, trimmed; null (and an error) when missing, blank or too long.</summary>
    public string? Required(string field, string? text, int maxLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) Add(field, $"'{field}' is required.");
        else if (trimmed.Length > maxLength) Add(field, $"'{field}' has at most {maxLength} characters.");
        else return trimmed;
        return null;
    }

    /// <summary>An optional text, trimmed; blank means absent.</summary>
    public string? Optional(string field, string? text, int maxLength)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        if (trimmed.Length <= maxLength) return trimmed;
        Add(field, $"'{field}' has at most {maxLength} characters.");
        return null;
    }

    /// <summary>A required closed-set name (kind, aggregation, direction), parsed by the domain's own parser.</summary>
    public T? Named<T>(string field, string? text, TryParseName<T> parse) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // The parser's own message lists the accepted names; reuse that list rather than repeat it.
            parse(null, out _, out var explanation);
            var names = explanation?.IndexOf("expected", StringComparison.Ordinal) is >= 0 and var at ? explanation[at..] : null;
            Add(field, names is null ? $"'{field}' is required." : $"'{field}' is required; {names}");
            return null;
        }
        if (parse(text, out var value, out var error)) return value;
        Add(field, error!);
        return null;
    }

    public ProblemHttpResult ToProblem()
    {
        var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return !_plain && _ownCodes.Count == 1
            ? Problems.Create(StatusCodes.Status400BadRequest, _ownCodes.Single(), "The request is not valid.", errors.First().Value[0], errors)
            : Problems.Validation(errors);
    }
}

public delegate bool TryParseName<T>(string? text, out T value, out string? error);
