using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace GovReport.Host.Tests.Messaging;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (a free port) standing in for the mail relay: it answers
/// HELO/EHLO, MAIL FROM, RCPT TO, DATA, RSET, NOOP and QUIT, and records each message it accepted
/// with its envelope and raw text.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public sealed record Message(string From, IReadOnlyList<string> To, string Data)
    {
        /// <summary>The Subject header, unfolded, its RFC 2047 encoded words decoded.</summary>
        public string Subject => DecodeWords(RawSubject);

        public string RawSubject
        {
            get
            {
                var headers = Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
                var unfolded = Regex.Replace(headers, "\r\n[ \t]+", " ");
                return unfolded.Split("\r\n").Single(h => h.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))["Subject:".Length..].Trim();
            }
        }
    }

    public ConcurrentQueue<Message> Received { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 127.0.0.1 sink ready");
        string? from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-127.0.0.1");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO": await writer.WriteLineAsync("250 127.0.0.1"); break;
                case "MAIL": from = Address(line); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                case "RCPT": to.Add(Address(line)); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    Received.Enqueue(new Message(from ?? "", to.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET": from = null; to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("502 Command not implemented"); break;
            }
        }
    }

    private static string Address(string line) => AngleAddress().Match(line).Groups[1].Value;

    /// <summary>RFC 2047: =?charset?B|Q?text?= words, adjacent ones joined without their separating space.</summary>
    public static string DecodeWords(string text)
    {
        var joined = Regex.Replace(text, @"\?=\s+=\?", "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value);
            return encoding.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length) { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
        }
        return bytes.ToArray();
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { }
        _stop.Dispose();
    }
}
