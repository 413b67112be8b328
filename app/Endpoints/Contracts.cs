using System.Text.Json.Serialization;

namespace FargateService.Endpoints;

/// <summary>The body of <c>GET /</c>.</summary>
public sealed record ServiceInfo(string Service, string Version, string Environment, string Instance);

/// <summary>The body of <c>GET /health</c>.</summary>
public sealed record HealthStatus(string Status)
{
    public static HealthStatus Healthy { get; } = new("healthy");
}

/// <summary>The one field the service reads from the ECS task metadata document.</summary>
public sealed record TaskMetadataDocument([property: JsonPropertyName("TaskARN")] string? TaskArn);
