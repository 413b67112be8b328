using FargateService.Identity;
using FargateService.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FargateService.Endpoints;

/// <summary>The service's two endpoints.</summary>
public static class ServiceEndpoints
{
    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", GetServiceInfoAsync);
        endpoints.MapGet("/health", GetHealth);
        return endpoints;
    }

    /// <summary>Who answered: service name, version, environment and instance.</summary>
    public static async Task<Ok<ServiceInfo>> GetServiceInfoAsync(
        [FromServices] ServiceSettings settings,
        [FromServices] IInstanceIdentity instance,
        CancellationToken cancellationToken)
    {
        var instanceName = await instance.GetAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ServiceInfo(settings.ServiceName, settings.Version, settings.Environment, instanceName));
    }

    /// <summary>
    /// The load balancer's health check: no I/O and no dependency, so it reports only that the
    /// process serves requests, and stays cheap at any check interval.
    /// </summary>
    public static Ok<HealthStatus> GetHealth() => TypedResults.Ok(HealthStatus.Healthy);
}
