using System.Net;
using System.Text.Json;
using FargateService.Tests.Support;

namespace FargateService.Tests.Http;

/// <summary>Every route through the real pipeline, in process, with a mocked instance identity.</summary>
public sealed class EndpointHttpTests
{
    private HttpClient _client = null!;

    private static ServiceFactory Factory => SharedServiceFactory.Factory;

    [SetUp]
    public void CreateClient()
    {
        Factory.Identity.Reset();
        _client = Factory.CreateClient();
    }

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public async Task GetRoot_InstanceKnown_ReturnsServiceDescriptionAsJson()
    {
        var settings = TestSettings.Settings;
        Factory.Identity.Setup(i => i.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync("0f1e2d3c4b5a");

        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
                $$"""{"service":"{{settings.ServiceName}}","version":"{{settings.Version}}","environment":"{{settings.Environment}}","instance":"0f1e2d3c4b5a"}"""));
        });
    }

    [Test]
    public async Task GetHealth_Always_ReturnsHealthyWithoutTouchingTheIdentity()
    {
        using var response = await _client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"status":"healthy"}"""));
        });
        Factory.Identity.VerifyNoOtherCalls();
    }

    [TestCase("/nope")]
    [TestCase("/health/extra")]
    [TestCase("/%2e%2e/etc/passwd")]
    public async Task Get_UnknownPath_Returns404Problem(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Not Found", "https://tools.ietf.org/html/rfc9110#section-15.5.5");
    }

    [TestCase("POST", "/")]
    [TestCase("PUT", "/health")]
    [TestCase("DELETE", "/health")]
    public async Task Request_WrongMethod_Returns405ProblemAndAllowHeader(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "Method Not Allowed", "https://tools.ietf.org/html/rfc9110#section-15.5.6");
        Assert.That(response.Content.Headers.Allow, Is.EqualTo(new[] { "GET" }));
    }

    [Test]
    public async Task GetRoot_HandlerThrows_Returns500ProblemWithoutExceptionDetail()
    {
        Factory.Identity.Setup(i => i.GetAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret connection string Password=hunter2"));

        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        var body = await AssertProblemAsync(response, HttpStatusCode.InternalServerError,
            "An error occurred while processing your request.", "https://tools.ietf.org/html/rfc9110#section-15.6.1");
        Assert.That(body, Does.Not.Contain("hunter2").And.Not.Contain("InvalidOperationException").And.Not.Contain(" at "));
    }

    /// <summary>Checks the problem+json body exactly (type, title, status and a trace id, nothing else) and returns it.</summary>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string type)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        var properties = problem.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(properties, Is.EqualTo(new[] { "type", "title", "status", "traceId" }));
            Assert.That(problem.RootElement.GetProperty("type").GetString(), Is.EqualTo(type));
            Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo(title));
            Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        });
        return body;
    }
}
