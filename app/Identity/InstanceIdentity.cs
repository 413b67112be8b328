namespace FargateService.Identity;

/// <summary>
/// Resolves the instance name once, on first use: the ECS task id when the metadata endpoint
/// answers, else the host name. Concurrent first callers share the one lookup.
/// </summary>
public sealed partial class InstanceIdentity : IInstanceIdentity
{
    private readonly ITaskMetadataClient _metadata;
    private readonly IHostNameProvider _hostName;
    private readonly ILogger<InstanceIdentity> _logger;
    private readonly Lazy<Task<string>> _instance;

    public InstanceIdentity(ITaskMetadataClient metadata, IHostNameProvider hostName, ILogger<InstanceIdentity> logger)
    {
        _metadata = metadata;
        _hostName = hostName;
        _logger = logger;
        _instance = new Lazy<Task<string>>(ResolveAsync);
    }

    public Task<string> GetAsync(CancellationToken cancellationToken) =>
        _instance.Value.WaitAsync(cancellationToken);

    private async Task<string> ResolveAsync()
    {
        // Not the caller's token: one aborted request must not leave every later one without a name.
        var taskId = await _metadata.TryGetTaskIdAsync(CancellationToken.None).ConfigureAwait(false);
        if (taskId is not null)
        {
            LogResolved(taskId, "ECS task metadata");
            return taskId;
        }

        var hostName = _hostName.GetHostName();
        LogResolved(hostName, "host name");
        return hostName;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Instance identity is {Instance} (from the {Source})")]
    private partial void LogResolved(string instance, string source);
}
