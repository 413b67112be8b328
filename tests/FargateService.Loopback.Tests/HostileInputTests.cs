namespace FargateService.Loopback.Tests;

/// <summary>
/// Hostile and malformed HTTP sent over raw TCP to the published service. Every case expects one
/// exact answer, and after every case the server must still be up, serve a well-formed request,
/// and have logged no error or stack trace.
/// </summary>
[TestFixture]
public sealed class HostileInputTests
{
    private ServiceProcess _service = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync() => _service = await ServiceProcess.StartAsync().ConfigureAwait(false);

    [OneTimeTearDown]
    public void StopService() => _service.Dispose();

    [TearDown]
    public async Task ServerStillServesTheNextRequestAsync()
    {
        Assert.That(_service.HasExited, Is.False, $"the service exited:\n{_service.Output}");
        var health = await RawHttpConnection.GetAsync(_service.Port, "/health").ConfigureAwait(false);
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(200));
            Assert.That(health.BodyText, Is.EqualTo("""{"status":"healthy"}"""));
            Assert.That(_service.Output, Does.Not.Contain("\"LogLevel\":\"Error\"").And.Not.Contain("\"LogLevel\":\"Critical\""));
            Assert.That(_service.Output, Does.Not.Contain("   at "), "a stack trace reached the log");
        });
    }

    [TestCase(1, 40 * 1024, TestName = "Headers_OneHeaderOverTheTotalLimit_Answers431")]
    [TestCase(90, 400, TestName = "Headers_ManySmallHeadersOverTheTotalLimit_Answers431")]
    [TestCase(101, 10, TestName = "Headers_MoreThanTheHeaderCountLimit_Answers431")]
    public async Task Headers_OverTheLimit_Answer431(int count, int valueLength)
    {
        var headers = string.Concat(Enumerable.Range(0, count).Select(i => $"X-Filler-{i}: {new string('a', valueLength)}\r\n"));

        var response = await ExchangeAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n").ConfigureAwait(false);

        AssertRejected(response, 431);
    }

    [TestCase("/health/", 9 * 1024, TestName = "RequestLine_PathOverTheLimit_Answers414")]
    [TestCase("/health?q=", 9 * 1024, TestName = "RequestLine_QueryOverTheLimit_Answers414")]
    public async Task RequestLine_OverTheLimit_Answers414(string prefix, int padding)
    {
        var response = await ExchangeAsync(RawHttpConnection.Get(prefix + new string('a', padding))).ConfigureAwait(false);

        AssertRejected(response, 414);
    }

    [TestCase("GARBAGE\r\n\r\n", TestName = "Malformed_NotARequestLine_Answers400")]
    [TestCase("GET /health\r\nHost: 127.0.0.1\r\n\r\n", TestName = "Malformed_NoHttpVersion_Answers400")]
    [TestCase("GET  /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", TestName = "Malformed_DoubleSpace_Answers400")]
    [TestCase("GET /he alth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", TestName = "Malformed_SpaceInTarget_Answers400")]
    [TestCase("G\u0001T /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", TestName = "Malformed_ControlCharacterInMethod_Answers400")]
    [TestCase("GET /health%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", TestName = "Malformed_EncodedNulInPath_Answers400")]
    [TestCase("GET /health HTTP/1.1\r\n\r\n", TestName = "Malformed_NoHostHeader_Answers400")]
    [TestCase("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n", TestName = "Malformed_HeaderWithoutColon_Answers400")]
    [TestCase("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n", TestName = "Malformed_NegativeContentLength_Answers400")]
    public async Task Malformed_Request_Answers400(string request)
    {
        var response = await ExchangeAsync(request).ConfigureAwait(false);

        AssertRejected(response, 400);
    }

    // Kestrel reads a target without a leading slash as authority form ("host:port", CONNECT's)
    // or asterisk form ("*", OPTIONS'), and refuses it for GET with 405 naming the one method
    // that form allows; the request never reaches routing.
    [TestCase("health", "CONNECT")]
    [TestCase("127.0.0.1:80", "CONNECT")]
    [TestCase("*", "OPTIONS")]
    public async Task RequestTarget_NotOriginFormOnGet_Answers405AndCloses(string target, string allowed)
    {
        var response = await ExchangeAsync($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").ConfigureAwait(false);

        AssertRejected(response, 405);
        Assert.That(response.Headers["Allow"], Is.EqualTo(allowed));
    }

    // The one 5xx a client can provoke, by RFC 9110 (15.6.6): "HTTP Version Not Supported" says
    // the client spoke a protocol this server does not, not that the server failed. An ALB never
    // forwards such a request, so it cannot reach a task in the stack.
    [Test]
    public async Task HttpVersion_Unsupported_Answers505AndCloses()
    {
        var response = await ExchangeAsync("GET /health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n").ConfigureAwait(false);

        AssertRejected(response, 505);
    }

    [Test]
    public async Task Methods_OtherThanGet_Answer405WithAllowGet(
        [Values("TRACE", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "FOO")] string method,
        [Values("/", "/health")] string path)
    {
        // TRACE is the dangerous one: echoing the request back would hand a cross-site script the
        // cookies and headers it cannot read itself, so the echo must not happen.
        const string secret = "trace-must-not-echo-this";
        var response = await ExchangeAsync(
            $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Secret: {secret}\r\nContent-Length: 0\r\n\r\n").ConfigureAwait(false);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(405));
            Assert.That(response.Headers.TryGetValue("Allow", out var allow) ? allow : null, Is.EqualTo("GET"));
            Assert.That(response.Headers["Content-Type"], Does.StartWith("application/problem+json"));
            Assert.That(response.BodyText, Does.Not.Contain(secret));
        });
        AssertNoLeak(response);
    }

    [Test]
    public async Task BodyOnGetHealth_ContentLength_IsIgnoredAndNotParsedAsARequest()
    {
        // The body is itself a request: if the server framed the body wrongly it would answer
        // that smuggled request (a 404) instead of the next real one.
        const string smuggled = "GET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);

        await connection.SendAsync($"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {smuggled.Length}\r\n\r\n{smuggled}").ConfigureAwait(false);
        var first = await connection.ReadResponseAsync().ConfigureAwait(false);
        await connection.SendAsync(RawHttpConnection.Get("/health")).ConfigureAwait(false);
        var second = await connection.ReadResponseAsync().ConfigureAwait(false);

        Assert.That(first?.StatusCode, Is.EqualTo(200));
        Assert.That(second?.StatusCode, Is.EqualTo(200), "the second response answered the smuggled request");
        Assert.That(second!.BodyText, Is.EqualTo("""{"status":"healthy"}"""));
    }

    [Test]
    public async Task BodyOnGetHealth_Chunked_IsIgnoredAndTheConnectionStaysUsable()
    {
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);

        await connection.SendAsync(
            "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").ConfigureAwait(false);
        var first = await connection.ReadResponseAsync().ConfigureAwait(false);
        await connection.SendAsync(RawHttpConnection.Get("/health")).ConfigureAwait(false);
        var second = await connection.ReadResponseAsync().ConfigureAwait(false);

        Assert.That(first?.StatusCode, Is.EqualTo(200));
        Assert.That(second?.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Framing_ContentLengthAndChunked_AnswersOnceAndCloses()
    {
        // Two framings in one request is the classic request-smuggling shape: whatever the server
        // makes of the body, it must not answer the smuggled request or reuse the connection.
        const string smuggled = "GET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);

        await connection.SendAsync(
            $"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{smuggled}").ConfigureAwait(false);
        var first = await connection.ReadResponseAsync().ConfigureAwait(false);

        RawResponse? second;
        try
        {
            second = await connection.ReadResponseAsync().ConfigureAwait(false);
        }
        catch (IOException e) when (e is not IncompleteResponseException)
        {
            // Reset: closing a socket with unread bytes (the smuggled request) sends RST, not FIN.
            second = null;
        }

        Assert.That(first?.StatusCode, Is.EqualTo(200));
        Assert.That(first!.ClosesConnection, Is.True);
        Assert.That(second, Is.Null, "the smuggled request was answered");
    }

    [Test]
    public async Task BodyOnPostHealth_OneMegabyte_Answers405()
    {
        var body = new string('x', 1024 * 1024);

        var response = await ExchangeAsync(
            $"POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\n\r\n{body}").ConfigureAwait(false);

        Assert.That(response.StatusCode, Is.EqualTo(405));
        AssertNoLeak(response);
    }

    [TestCase("/../../etc/passwd")]
    [TestCase("/%2e%2e/%2e%2e/etc/passwd")]
    [TestCase("/health/..%2f..%2fetc%2fpasswd")]
    [TestCase("/..%5c..%5cetc%5cpasswd")]
    [TestCase("/%2fhealth")]
    [TestCase("/health%2f")]
    [TestCase("/health%2F..%2F")]
    [TestCase("/FargateService")]
    [TestCase("/.env")]
    [TestCase("/appsettings.json")]
    public async Task Path_TraversalOrEncodedSlash_Answers404(string path)
    {
        var response = await ExchangeAsync(RawHttpConnection.Get(path)).ConfigureAwait(false);

        Assert.That(response.StatusCode, Is.EqualTo(404));
        Assert.That(response.Headers["Content-Type"], Does.StartWith("application/problem+json"));
        AssertNoLeak(response);
    }

    private async Task<RawResponse> ExchangeAsync(string request)
    {
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);
        await connection.SendAsync(request).ConfigureAwait(false);
        return await connection.ReadResponseAsync().ConfigureAwait(false)
            ?? throw new IncompleteResponseException("the server closed the connection without answering");
    }

    /// <summary>A request Kestrel refuses before routing: the exact status, and the connection closed.</summary>
    private static void AssertRejected(RawResponse response, int expectedStatus)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expectedStatus), response.StatusLine);
            Assert.That(response.ClosesConnection, Is.True, "a rejected connection must not be reused");
        });
        AssertNoLeak(response);
    }

    private static void AssertNoLeak(RawResponse response) =>
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ContainsKey("Server"), Is.False, "the Server header names the software to attack");
            Assert.That(response.BodyText, Does.Not.Contain("Exception").And.Not.Contain("   at "));
        });
}
