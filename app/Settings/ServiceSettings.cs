using System.Net;

namespace FargateService.Settings;

/// <summary>
/// Everything the service can be told from outside, read once from environment variables at
/// start by <see cref="ServiceSettingsReader"/> and validated there.
/// </summary>
public sealed record ServiceSettings
{
    /// <summary>APP_LISTEN_ADDRESS: the IP address Kestrel binds.</summary>
    public required IPAddress ListenAddress { get; init; }

    /// <summary>APP_PORT: the TCP port Kestrel binds (the container port the stack wires).</summary>
    public required int Port { get; init; }

    /// <summary>APP_SERVICE_NAME: reported as <c>service</c> by <c>GET /</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary>APP_ENVIRONMENT: reported as <c>environment</c> by <c>GET /</c> (dev, prod, ...).</summary>
    public required string Environment { get; init; }

    /// <summary>APP_VERSION: the commit the image was built from, reported as <c>version</c>.</summary>
    public required string Version { get; init; }

    /// <summary>APP_SHUTDOWN_TIMEOUT_SECONDS: how long in-flight requests may finish after SIGTERM.</summary>
    public required TimeSpan ShutdownTimeout { get; init; }

    /// <summary>APP_LOG_LEVEL: the lowest level written to the log.</summary>
    public required LogLevel LogLevel { get; init; }

    /// <summary>APP_METADATA_TIMEOUT_MS: how long the one ECS task metadata lookup may take.</summary>
    public required TimeSpan MetadataTimeout { get; init; }

    /// <summary>
    /// ECS_CONTAINER_METADATA_URI_V4, set by ECS inside a task; <c>null</c> elsewhere, and then
    /// the service never calls a metadata endpoint.
    /// </summary>
    public Uri? TaskMetadataEndpoint { get; init; }
}
