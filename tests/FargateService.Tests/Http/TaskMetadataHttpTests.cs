using System.Net.Http.Json;
using FargateService.Endpoints;
using FargateService.Identity;
using FargateService.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FargateService.Tests.Http;

/// <summary>
/// <c>GET /</c> with the real identity and metadata client, against a fake ECS metadata
/// endpoint on 127.0.0.1 given through ECS_CONTAINER_METADATA_URI_V4, as ECS does.
/// </summary>
public sealed class TaskMetadataHttpTests
{
    private const string HostName = "ip-10-0-1-23";

    private FakeTaskMetadataEndpoint _endpoint = null!;
    private Mock<IHostNameProvider> _hostName = null!;
    private WebApplicationFactory<Program> _service = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _endpoint = await FakeTaskMetadataEndpoint.StartAsync();
        _hostName = new Mock<IHostNameProvider>(MockBehavior.Strict);
        _hostName.Setup(h => h.GetHostName()).Returns(HostName);

        // A new host per test: the instance is resolved once per process.
        _service = SharedServiceFactory.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ECS_CONTAINER_METADATA_URI_V4", _endpoint.ContainerUri.ToString());
            // Generous for a busy machine; the fake holds 10 s when the timeout must fire.
            builder.UseSetting("APP_METADATA_TIMEOUT_MS", "2000");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IInstanceIdentity, InstanceIdentity>();
                services.AddSingleton(_hostName.Object);
            });
        });
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _service.DisposeAsync();
        await _endpoint.DisposeAsync();
    }

    [Test]
    public async Task GetRoot_MetadataAnswers_ReportsTaskIdAndAsksOnce()
    {
        using var client = _service.CreateClient();

        var first = await client.GetFromJsonAsync<ServiceInfo>(new Uri("/", UriKind.Relative));
        var second = await client.GetFromJsonAsync<ServiceInfo>(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new ServiceInfo(TestSettings.Settings.ServiceName, TestSettings.Settings.Version, TestSettings.Settings.Environment, FakeTaskMetadataEndpoint.TaskId)));
            Assert.That(second, Is.EqualTo(first));
            Assert.That(_endpoint.TaskRequests, Is.EqualTo(1));
        });
        _hostName.Verify(h => h.GetHostName(), Times.Never);
    }

    [TestCase(MetadataBehaviour.Hold)]
    [TestCase(MetadataBehaviour.Garbage)]
    [TestCase(MetadataBehaviour.NoTaskArn)]
    [TestCase(MetadataBehaviour.ServerError)]
    public async Task GetRoot_MetadataUnusable_ReportsHostNameAndDoesNotRetry(MetadataBehaviour behaviour)
    {
        _endpoint.Behaviour = behaviour;
        using var client = _service.CreateClient();

        var first = await client.GetFromJsonAsync<ServiceInfo>(new Uri("/", UriKind.Relative));
        var second = await client.GetFromJsonAsync<ServiceInfo>(new Uri("/", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(first?.Instance, Is.EqualTo(HostName));
            Assert.That(second?.Instance, Is.EqualTo(HostName));
            Assert.That(_endpoint.TaskRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetHealth_MetadataConfigured_NeverCallsIt()
    {
        using var client = _service.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.IsSuccessStatusCode, Is.True);
            Assert.That(_endpoint.TaskRequests, Is.Zero);
        });
    }
}
