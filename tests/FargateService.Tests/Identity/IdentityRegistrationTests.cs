using FargateService.Identity;
using FargateService.Settings;
using FargateService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FargateService.Tests.Identity;

public sealed class IdentityRegistrationTests
{
    private static ServiceProvider Register(ServiceSettings settings) =>
        new ServiceCollection().AddLogging().AddInstanceIdentity(settings).BuildServiceProvider();

    [Test]
    public async Task AddInstanceIdentity_NoMetadataEndpoint_RegistersAClientThatCallsNothing()
    {
        await using var services = Register(TestSettings.Settings with { TaskMetadataEndpoint = null });

        Assert.That(services.GetRequiredService<ITaskMetadataClient>(), Is.TypeOf<NoTaskMetadata>());
    }

    [Test]
    public async Task AddInstanceIdentity_MetadataEndpointSet_RegistersTheEcsClient()
    {
        await using var services = Register(TestSettings.Settings with { TaskMetadataEndpoint = new Uri("http://169.254.170.2/v4/abc") });

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<ITaskMetadataClient>(), Is.TypeOf<EcsTaskMetadataClient>());
            Assert.That(services.GetRequiredService<IInstanceIdentity>(), Is.TypeOf<InstanceIdentity>());
        });
    }
}
