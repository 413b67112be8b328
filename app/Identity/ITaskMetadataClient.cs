namespace FargateService.Identity;

/// <summary>Reads this task's identity from the ECS task metadata endpoint.</summary>
public interface ITaskMetadataClient
{
    /// <summary>
    /// The task id (the last segment of the TaskARN), or <c>null</c> when there is no endpoint,
    /// it does not answer in time, or its answer holds no usable TaskARN.
    /// </summary>
    Task<string?> TryGetTaskIdAsync(CancellationToken cancellationToken);
}
