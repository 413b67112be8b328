using FargateService.Endpoints;
using FargateService.Identity;
using FargateService.Tests.Support;

namespace FargateService.Tests.Endpoints;

public sealed class ServiceEndpointsTests
{
    private Mock<IInstanceIdentity> _identity = null!;

    [SetUp]
    public void CreateMocks() => _identity = new Mock<IInstanceIdentity>(MockBehavior.Strict);

    [Test]
    public async Task GetServiceInfo_InstanceKnown_ReturnsSettingsAndInstance()
    {
        var settings = TestSettings.Settings;
        _identity.Setup(i => i.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync("0f1e2d3c4b5a");

        var result = await ServiceEndpoints.GetServiceInfoAsync(settings, _identity.Object, CancellationToken.None);

        Assert.That(result.Value, Is.EqualTo(new ServiceInfo(settings.ServiceName, settings.Version, settings.Environment, "0f1e2d3c4b5a")));
    }

    [Test]
    public async Task GetServiceInfo_RequestToken_IsPassedToTheIdentity()
    {
        using var request = new CancellationTokenSource();
        _identity.Setup(i => i.GetAsync(request.Token)).ReturnsAsync("host-a");

        await ServiceEndpoints.GetServiceInfoAsync(TestSettings.Settings, _identity.Object, request.Token);

        _identity.Verify(i => i.GetAsync(request.Token), Times.Once);
    }
}
