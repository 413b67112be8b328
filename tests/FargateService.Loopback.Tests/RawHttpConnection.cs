using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateService.Loopback.Tests;

/// <summary>
/// A TCP connection to the service on 127.0.0.1 that sends bytes exactly as given (HttpClient
/// would refuse or repair the malformed requests these tests need) and reads HTTP/1.1 responses
/// strictly: a response cut short raises <see cref="IncompleteResponseException"/>.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[MaxHeaderBytes];
    private int _bufferStart;
    private int _bufferEnd;

    private RawHttpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return new RawHttpConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A well-formed <c>GET</c> on a new connection.</summary>
    public static async Task<RawResponse> GetAsync(int port, string path)
    {
        using var connection = await OpenAsync(port).ConfigureAwait(false);
        await connection.SendAsync($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ConfigureAwait(false);
        return await connection.ReadResponseAsync().ConfigureAwait(false)
            ?? throw new IncompleteResponseException($"GET {path}: connection closed without a response");
    }

    public static string Get(string path) => $"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    public Task SendAsync(string ascii) => SendAsync(Encoding.ASCII.GetBytes(ascii));

    public async Task SendAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one response; <c>null</c> if the server closed the connection before sending any byte
    /// of it. A connection closed or reset part-way through raises <see cref="IncompleteResponseException"/>.
    /// </summary>
    public async Task<RawResponse?> ReadResponseAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var received = _bufferEnd > _bufferStart;
        try
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd()) < 0)
            {
                if (!await FillAsync(cancel.Token).ConfigureAwait(false))
                {
                    return received ? throw new IncompleteResponseException("connection closed inside the header section") : null;
                }

                received = true;
            }

            var head = Encoding.ASCII.GetString(_buffer, _bufferStart, headerEnd - _bufferStart);
            _bufferStart = headerEnd + 4;
            var (statusCode, statusLine, headers) = ParseHead(head);
            var body = await ReadBodyAsync(statusCode, headers, cancel.Token).ConfigureAwait(false);
            return new RawResponse(statusCode, statusLine, headers, body);
        }
        catch (IOException e) when (received && e is not IncompleteResponseException)
        {
            throw new IncompleteResponseException($"connection failed part-way through a response: {e.Message}");
        }
    }

    /// <summary>True if the server closes (or resets) the connection within <paramref name="timeout"/>.</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await FillAsync(cancel.Token).ConfigureAwait(false))
            {
                _bufferStart = _bufferEnd;
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    private static (int StatusCode, string StatusLine, Dictionary<string, string> Headers) ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
        {
            throw new InvalidDataException($"not an HTTP/1.x status line: '{lines[0]}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"malformed header line: '{line}'");
            }

            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return (statusCode, lines[0], headers);
    }

    private async Task<byte[]> ReadBodyAsync(int statusCode, Dictionary<string, string> headers, CancellationToken cancel)
    {
        if (statusCode is (>= 100 and < 200) or 204 or 304)
        {
            return [];
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding))
        {
            if (!encoding.Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"unexpected Transfer-Encoding: {encoding}");
            }

            return await ReadChunkedAsync(cancel).ConfigureAwait(false);
        }

        if (headers.TryGetValue("Content-Length", out var length))
        {
            return await ReadExactlyAsync(int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture), cancel).ConfigureAwait(false);
        }

        using var untilClose = new MemoryStream();
        do
        {
            untilClose.Write(_buffer, _bufferStart, _bufferEnd - _bufferStart);
            _bufferStart = _bufferEnd;
        }
        while (await FillAsync(cancel).ConfigureAwait(false));
        return untilClose.ToArray();
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancel)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancel).ConfigureAwait(false);
            var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while ((await ReadLineAsync(cancel).ConfigureAwait(false)).Length > 0)
                {
                    // Trailer fields: none expected, none needed.
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancel).ConfigureAwait(false));
            if ((await ReadLineAsync(cancel).ConfigureAwait(false)).Length != 0)
            {
                throw new InvalidDataException("chunk data not followed by CRLF");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancel)
    {
        int lineEnd;
        while ((lineEnd = _buffer.AsSpan(_bufferStart, _bufferEnd - _bufferStart).IndexOf("\r\n"u8)) < 0)
        {
            await FillOrThrowAsync(cancel).ConfigureAwait(false);
        }

        var line = Encoding.ASCII.GetString(_buffer, _bufferStart, lineEnd);
        _bufferStart += lineEnd + 2;
        return line;
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_bufferEnd == _bufferStart)
            {
                await FillOrThrowAsync(cancel).ConfigureAwait(false);
            }

            var take = Math.Min(count - filled, _bufferEnd - _bufferStart);
            Array.Copy(_buffer, _bufferStart, result, filled, take);
            _bufferStart += take;
            filled += take;
        }

        return result;
    }

    private int IndexOfHeaderEnd()
    {
        var index = _buffer.AsSpan(_bufferStart, _bufferEnd - _bufferStart).IndexOf("\r\n\r\n"u8);
        return index < 0 ? -1 : _bufferStart + index;
    }

    private async Task FillOrThrowAsync(CancellationToken cancel)
    {
        if (!await FillAsync(cancel).ConfigureAwait(false))
        {
            throw new IncompleteResponseException("connection closed inside a response body");
        }
    }

    /// <summary>Reads more bytes into the buffer; false at end of stream.</summary>
    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        if (_bufferStart > 0)
        {
            Array.Copy(_buffer, _bufferStart, _buffer, 0, _bufferEnd - _bufferStart);
            _bufferEnd -= _bufferStart;
            _bufferStart = 0;
        }

        if (_bufferEnd == _buffer.Length)
        {
            throw new InvalidDataException($"response header section larger than {MaxHeaderBytes} bytes");
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_bufferEnd), cancel).ConfigureAwait(false);
        _bufferEnd += read;
        return read > 0;
    }
}

/// <summary>One HTTP/1.1 response as it arrived on the wire.</summary>
public sealed record RawResponse(int StatusCode, string StatusLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public bool ClosesConnection =>
        Headers.TryGetValue("Connection", out var value) && value.Equals("close", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The server started a response and did not finish it.</summary>
public sealed class IncompleteResponseException : IOException
{
    public IncompleteResponseException()
    {
    }

    public IncompleteResponseException(string message)
        : base(message)
    {
    }

    public IncompleteResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
