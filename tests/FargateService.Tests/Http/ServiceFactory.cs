using FargateService.Identity;
using FargateService.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FargateService.Tests.Http;

/// <summary>
/// The service in process with <see cref="TestSettings"/> and a mocked instance identity. One
/// instance is shared by every HTTP test (<see cref="SharedServiceFactory"/>); tests that need
/// other settings derive a host from it with <c>WithWebHostBuilder</c>.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    /// <summary>Replaces the real identity; tests set it up, <see cref="SharedServiceFactory"/> resets it.</summary>
    public Mock<IInstanceIdentity> Identity { get; } = new(MockBehavior.Strict);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in TestSettings.Variables())
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(Identity.Object));
    }
}

/// <summary>Creates the one <see cref="ServiceFactory"/> for the HTTP tests in this namespace.</summary>
[SetUpFixture]
public sealed class SharedServiceFactory
{
    public static ServiceFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService() => Factory = new ServiceFactory();

    [OneTimeTearDown]
    public async Task StopServiceAsync() => await Factory.DisposeAsync();
}
