namespace FargateService.Loopback.Tests;

/// <summary>
/// No response names the server: the Server header tells a scanner which server and version to
/// target. Kestrel writes that header, so only the real server can show it is off (the in-process
/// test server never sends one). Each case is answered by a different layer of the service.
/// </summary>
[TestFixture]
public sealed class ServerHeaderTests
{
    private ServiceProcess _service = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync() => _service = await ServiceProcess.StartAsync().ConfigureAwait(false);

    [OneTimeTearDown]
    public void StopService() => _service.Dispose();

    [TestCase("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200, TestName = "AnyResponse_FromAnEndpoint_HasNoServerHeader")]
    [TestCase("GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404, TestName = "AnyResponse_FromRouting_HasNoServerHeader")]
    [TestCase("GET /health HTTP/1.1\r\n\r\n", 400, TestName = "AnyResponse_FromKestrelRejectingTheRequest_HasNoServerHeader")]
    public async Task AnyResponse_FromEachLayer_HasNoServerHeader(string request, int status)
    {
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);
        await connection.SendAsync(request).ConfigureAwait(false);

        var response = await connection.ReadResponseAsync().ConfigureAwait(false)
            ?? throw new IncompleteResponseException("the server closed the connection without answering");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), "the request did not reach the layer this case is about");
            Assert.That(response.Headers.Keys, Has.None.EqualTo("Server").IgnoreCase);
        });
    }
}
