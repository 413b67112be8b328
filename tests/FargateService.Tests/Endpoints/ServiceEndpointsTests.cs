using System.Net;
using FargateService.Endpoints;
using FargateService.Identity;
using FargateService.Settings;
using Microsoft.Extensions.Logging;

namespace FargateService.Tests.Endpoints;

public sealed class ServiceEndpointsTests
{
    private static readonly ServiceSettings Settings = new()
    {
        ListenAddress = IPAddress.Any,
        Port = 8080,
        ServiceName = "orders",
        Environment = "prod",
        Version = "9fceb02",
        ShutdownTimeout = TimeSpan.FromSeconds(10),
        LogLevel = LogLevel.Information,
        MetadataTimeout = TimeSpan.FromMilliseconds(500),
    };

    private Mock<IInstanceIdentity> _identity = null!;

    [SetUp]
    public void CreateMocks() => _identity = new Mock<IInstanceIdentity>(MockBehavior.Strict);

    [Test]
    public async Task GetServiceInfo_InstanceKnown_ReturnsSettingsAndInstance()
    {
        _identity.Setup(i => i.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync("0f1e2d3c4b5a");

        var result = await ServiceEndpoints.GetServiceInfoAsync(Settings, _identity.Object, CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new ServiceInfo("orders", "9fceb02", "prod", "0f1e2d3c4b5a")));
    }

    [Test]
    public async Task GetServiceInfo_RequestToken_IsPassedToTheIdentity()
    {
        using var request = new CancellationTokenSource();
        _identity.Setup(i => i.GetAsync(request.Token)).ReturnsAsync("host-a");

        await ServiceEndpoints.GetServiceInfoAsync(Settings, _identity.Object, request.Token);

        _identity.Verify(i => i.GetAsync(request.Token), Times.Once);
    }
}
