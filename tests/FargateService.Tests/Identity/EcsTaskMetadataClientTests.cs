using FargateService.Identity;
using FargateService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace FargateService.Tests.Identity;

/// <summary>The real client against a fake metadata endpoint on 127.0.0.1.</summary>
public sealed class EcsTaskMetadataClientTests
{
    // Generous, so a slow first answer on a busy machine is not mistaken for a timeout; the
    // fake holds far longer (10 s) when a test wants the timeout to fire.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private FakeTaskMetadataEndpoint _endpoint = null!;

    [SetUp]
    public async Task StartEndpointAsync() => _endpoint = await FakeTaskMetadataEndpoint.StartAsync();

    [TearDown]
    public async Task StopEndpointAsync() => await _endpoint.DisposeAsync();

    private EcsTaskMetadataClient CreateClient(Uri? endpoint = null) =>
        new(endpoint ?? _endpoint.ContainerUri, Timeout, NullLogger<EcsTaskMetadataClient>.Instance);

    [Test]
    public async Task TryGetTaskId_EndpointAnswers_ReturnsLastSegmentOfTaskArn()
    {
        using var client = CreateClient();

        var taskId = await client.TryGetTaskIdAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(taskId, Is.EqualTo(FakeTaskMetadataEndpoint.TaskId));
            Assert.That(_endpoint.TaskRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TryGetTaskId_EndpointWithTrailingSlash_StillCallsTask()
    {
        using var client = CreateClient(new Uri(_endpoint.ContainerUri + "/"));

        var taskId = await client.TryGetTaskIdAsync(CancellationToken.None);

        Assert.That(taskId, Is.EqualTo(FakeTaskMetadataEndpoint.TaskId));
    }

    [TestCase(MetadataBehaviour.Garbage)]
    [TestCase(MetadataBehaviour.NoTaskArn)]
    [TestCase(MetadataBehaviour.MalformedTaskArn)]
    [TestCase(MetadataBehaviour.ServerError)]
    [TestCase(MetadataBehaviour.Hold)]
    public async Task TryGetTaskId_UnusableAnswer_ReturnsNull(MetadataBehaviour behaviour)
    {
        _endpoint.Behaviour = behaviour;
        using var client = CreateClient();

        var taskId = await client.TryGetTaskIdAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(taskId, Is.Null);
            Assert.That(_endpoint.TaskRequests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TryGetTaskId_NothingListening_ReturnsNull()
    {
        var closedPort = ServiceProcess.FreeLoopbackPort();
        using var client = CreateClient(new Uri($"http://127.0.0.1:{closedPort}/v4/test-container"));

        var taskId = await client.TryGetTaskIdAsync(CancellationToken.None);

        Assert.That(taskId, Is.Null);
    }
}
