using FargateService.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace FargateService.Tests.Identity;

public sealed class InstanceIdentityTests
{
    private Mock<ITaskMetadataClient> _metadata = null!;
    private Mock<IHostNameProvider> _hostName = null!;

    [SetUp]
    public void CreateMocks()
    {
        _metadata = new Mock<ITaskMetadataClient>(MockBehavior.Strict);
        _hostName = new Mock<IHostNameProvider>(MockBehavior.Strict);
        _hostName.Setup(h => h.GetHostName()).Returns("ip-10-0-1-23");
    }

    private InstanceIdentity CreateIdentity() =>
        new(_metadata.Object, _hostName.Object, NullLogger<InstanceIdentity>.Instance);

    [Test]
    public async Task GetAsync_MetadataHasTaskId_ReturnsTaskId()
    {
        _metadata.Setup(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync("0f1e2d3c4b5a");

        var instance = await CreateIdentity().GetAsync(CancellationToken.None);

        Assert.That(instance, Is.EqualTo("0f1e2d3c4b5a"));
        _hostName.Verify(h => h.GetHostName(), Times.Never);
    }

    [Test]
    public async Task GetAsync_NoTaskId_ReturnsHostName()
    {
        _metadata.Setup(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);

        var instance = await CreateIdentity().GetAsync(CancellationToken.None);

        Assert.That(instance, Is.EqualTo("ip-10-0-1-23"));
    }

    [Test]
    public async Task GetAsync_CalledManyTimes_AsksMetadataOnce()
    {
        _metadata.Setup(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync("0f1e2d3c4b5a");
        var identity = CreateIdentity();

        var instances = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => identity.GetAsync(CancellationToken.None)));

        Assert.That(instances, Is.All.EqualTo("0f1e2d3c4b5a"));
        _metadata.Verify(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task GetAsync_FallbackUsed_IsKeptForLaterCalls()
    {
        _metadata.Setup(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        var identity = CreateIdentity();

        await identity.GetAsync(CancellationToken.None);
        var second = await identity.GetAsync(CancellationToken.None);

        Assert.That(second, Is.EqualTo("ip-10-0-1-23"));
        _metadata.Verify(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>()), Times.Once);
        _hostName.Verify(h => h.GetHostName(), Times.Once);
    }

    [Test]
    public async Task GetAsync_FirstCallerGivesUp_LookupStillCompletesForTheNext()
    {
        var answer = new TaskCompletionSource<string?>();
        _metadata.Setup(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>())).Returns(answer.Task);
        var identity = CreateIdentity();
        using var firstCaller = new CancellationTokenSource();

        var first = identity.GetAsync(firstCaller.Token);
        await firstCaller.CancelAsync();
        answer.SetResult("0f1e2d3c4b5a");
        var second = await identity.GetAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(second, Is.EqualTo("0f1e2d3c4b5a"));
        });
        _metadata.Verify(m => m.TryGetTaskIdAsync(CancellationToken.None), Times.Once);
    }

    [Test]
    public void Constructor_Alone_CallsNothing()
    {
        CreateIdentity();

        _metadata.Verify(m => m.TryGetTaskIdAsync(It.IsAny<CancellationToken>()), Times.Never);
        _hostName.Verify(h => h.GetHostName(), Times.Never);
    }
}
