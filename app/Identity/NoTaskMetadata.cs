namespace FargateService.Identity;

/// <summary>
/// Stands in for the metadata client outside ECS (ECS_CONTAINER_METADATA_URI_V4 unset), so the
/// service never sends a request to an address nobody configured.
/// </summary>
public sealed class NoTaskMetadata : ITaskMetadataClient
{
    public Task<string?> TryGetTaskIdAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
