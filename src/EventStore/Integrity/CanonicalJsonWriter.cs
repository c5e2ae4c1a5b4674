using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovReport.EventStore.Integrity;

/// <summary>
/// The canonical form of <see cref="CanonicalJson"/> in one pass over the UTF-8 text, without a
/// document: what an append pays per event. Our serializer writes no white space, its numbers
/// already as jsonb keeps them and its strings mostly without escapes, so nearly every token is
/// copied as it is and only an object whose keys are out of order is put in order. Anything it
/// is not sure to spell exactly as the document path does (an escaped or escapable string, a
/// number jsonb would respell, a repeated key, a non-ASCII key) makes it give up, and the
/// caller takes the document path: the same bytes either way, which the tests compare.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private byte[] _buffer;
    private int _length;
    // Every open object's members, innermost last: (start, name length, end) in the buffer.
    private readonly List<(int Start, int NameLength, int End)> _members = [];

    private CanonicalJsonWriter(int capacity) => _buffer = new byte[capacity];

    /// <summary>The canonical bytes, or null when only the document path may spell them.</summary>
    public static byte[]? TryWrite(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var writer = new CanonicalJsonWriter(utf8.Length + 16);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || !writer.TryValue(ref reader)) return null;
            if (reader.Read()) return null;
        }
        catch (JsonException)
        {
            return null;
        }
        return writer._buffer.AsSpan(0, writer._length).ToArray();
    }

    private bool TryValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return TryObject(ref reader);
            case JsonTokenType.StartArray:
                Append((byte)'[');
                var first = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!first) Append((byte)',');
                    first = false;
                    if (!TryValue(ref reader)) return false;
                }
                Append((byte)']');
                return true;
            case JsonTokenType.String:
                if (!IsPlain(ref reader)) return false;
                Append((byte)'"');
                Append(reader.ValueSpan);
                Append((byte)'"');
                return true;
            case JsonTokenType.Number:
                if (!IsAsJsonbKeepsIt(reader.ValueSpan)) return false;
                Append(reader.ValueSpan);
                return true;
            case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                Append(reader.ValueSpan);
                return true;
            default:
                return false;
        }
    }

    private bool TryObject(ref Utf8JsonReader reader)
    {
        Append((byte)'{');
        var contentStart = _length;
        var firstMember = _members.Count;
        var inOrder = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Ordinal order of UTF-16 names is byte order only for ASCII.
            if (!IsPlain(ref reader) || !Ascii.IsValid(reader.ValueSpan)) return false;
            if (_members.Count > firstMember) Append((byte)',');
            var start = _length;
            Append((byte)'"');
            Append(reader.ValueSpan);
            Append((byte)'"');
            Append((byte)':');
            if (_members.Count > firstMember)
            {
                var order = reader.ValueSpan.SequenceCompareTo(NameOf(_members[^1]));
                if (order == 0) return false;
                if (order < 0) inOrder = false;
            }
            var nameLength = reader.ValueSpan.Length;
            if (!reader.Read() || !TryValue(ref reader)) return false;
            _members.Add((start, nameLength, _length));
        }
        if (!inOrder && !TryReorder(contentStart, firstMember)) return false;
        _members.RemoveRange(firstMember, _members.Count - firstMember);
        Append((byte)'}');
        return true;
    }

    private bool TryReorder(int contentStart, int firstMember)
    {
        var content = _buffer.AsSpan(contentStart, _length - contentStart).ToArray();
        var members = _members.GetRange(firstMember, _members.Count - firstMember);
        members.Sort((a, b) => Name(content, a, contentStart).SequenceCompareTo(Name(content, b, contentStart)));
        for (var i = 1; i < members.Count; i++)
            if (Name(content, members[i], contentStart).SequenceEqual(Name(content, members[i - 1], contentStart))) return false;
        _length = contentStart;
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0) Append((byte)',');
            Append(content.AsSpan(members[i].Start - contentStart, members[i].End - members[i].Start));
        }
        return true;
    }

    private static ReadOnlySpan<byte> Name(byte[] content, (int Start, int NameLength, int End) member, int contentStart) =>
        content.AsSpan(member.Start - contentStart + 1, member.NameLength);

    private ReadOnlySpan<byte> NameOf((int Start, int NameLength, int End) member) =>
        _buffer.AsSpan(member.Start + 1, member.NameLength);

    /// <summary>Written back exactly as it came: no escape in it and none the canonical writer would add.</summary>
    private static bool IsPlain(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && Encoder.FindFirstCharacterToEncodeUtf8(reader.ValueSpan) < 0;

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)? and not a negative zero: the spellings <see cref="JsonbNumber"/> leaves alone.</summary>
    internal static bool IsAsJsonbKeepsIt(ReadOnlySpan<byte> number)
    {
        var i = 0;
        var negative = number.Length > 0 && number[0] == '-';
        if (negative) i++;
        if (i >= number.Length || !char.IsAsciiDigit((char)number[i])) return false;
        if (number[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < number.Length && char.IsAsciiDigit((char)number[i])) i++;
        }
        if (i < number.Length && number[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < number.Length && char.IsAsciiDigit((char)number[i])) i++;
            if (i == fractionStart) return false;
        }
        if (i != number.Length) return false;
        return !negative || number.ContainsAnyExcept("-0."u8);
    }

    private void Append(byte b)
    {
        if (_length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[_length++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
