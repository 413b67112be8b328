using FargateService.Settings;

namespace FargateService.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInstanceIdentity"/>; the metadata client exists only when ECS set
    /// its endpoint.
    /// </summary>
    public static IServiceCollection AddInstanceIdentity(this IServiceCollection services, ServiceSettings settings)
    {
        if (settings.TaskMetadataEndpoint is { } endpoint)
        {
            services.AddSingleton<ITaskMetadataClient>(provider => new EcsTaskMetadataClient(
                endpoint, settings.MetadataTimeout, provider.GetRequiredService<ILogger<EcsTaskMetadataClient>>()));
        }
        else
        {
            services.AddSingleton<ITaskMetadataClient, NoTaskMetadata>();
        }

        services.AddSingleton<IHostNameProvider, SystemHostNameProvider>();
        services.AddSingleton<IInstanceIdentity, InstanceIdentity>();
        return services;
    }
}
