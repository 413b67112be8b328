using System.Net;
using FargateService.Identity;
using FargateService.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FargateService.Tests.Identity;

public sealed class IdentityRegistrationTests
{
    private static ServiceSettings SettingsWith(Uri? metadataEndpoint) => new()
    {
        ListenAddress = IPAddress.Any,
        Port = 8080,
        ServiceName = "fargate-service",
        Environment = "local",
        Version = "dev",
        ShutdownTimeout = TimeSpan.FromSeconds(10),
        LogLevel = LogLevel.Information,
        MetadataTimeout = TimeSpan.FromMilliseconds(500),
        TaskMetadataEndpoint = metadataEndpoint,
    };

    private static ServiceProvider Register(ServiceSettings settings) =>
        new ServiceCollection().AddLogging().AddInstanceIdentity(settings).BuildServiceProvider();

    [Test]
    public async Task AddInstanceIdentity_NoMetadataEndpoint_RegistersAClientThatCallsNothing()
    {
        await using var services = Register(SettingsWith(metadataEndpoint: null));

        Assert.That(services.GetRequiredService<ITaskMetadataClient>(), Is.TypeOf<NoTaskMetadata>());
    }

    [Test]
    public async Task AddInstanceIdentity_MetadataEndpointSet_RegistersTheEcsClient()
    {
        await using var services = Register(SettingsWith(new Uri("http://169.254.170.2/v4/abc")));

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<ITaskMetadataClient>(), Is.TypeOf<EcsTaskMetadataClient>());
            Assert.That(services.GetRequiredService<IInstanceIdentity>(), Is.TypeOf<InstanceIdentity>());
        });
    }
}
