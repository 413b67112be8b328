namespace FargateService.Identity;

/// <summary>
/// Names the running instance in <c>GET /</c>, so a user refreshing the load balancer's URL
/// sees requests spread over tasks.
/// </summary>
public interface IInstanceIdentity
{
    /// <summary>
    /// The ECS task id, or the host name outside ECS. Resolved once; every later call returns
    /// the same value. <paramref name="cancellationToken"/> only stops this caller's wait.
    /// </summary>
    Task<string> GetAsync(CancellationToken cancellationToken);
}
