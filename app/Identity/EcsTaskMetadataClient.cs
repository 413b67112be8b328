using System.Text.Json;
using FargateService.Endpoints;

namespace FargateService.Identity;

/// <summary>
/// Calls <c>${ECS_CONTAINER_METADATA_URI_V4}/task</c> and takes the task id from its TaskARN
/// (<c>arn:aws:ecs:region:account:task/cluster/id</c>). Every failure is logged as one warning
/// and answered with <c>null</c>: the caller falls back to the host name.
/// </summary>
public sealed partial class EcsTaskMetadataClient : ITaskMetadataClient, IDisposable
{
    private const int MaxTaskIdLength = 64;

    private readonly HttpClient _http;
    private readonly Uri _taskUri;
    private readonly TimeSpan _timeout;
    private readonly ILogger<EcsTaskMetadataClient> _logger;

    public EcsTaskMetadataClient(Uri endpoint, TimeSpan timeout, ILogger<EcsTaskMetadataClient> logger)
    {
        // The endpoint is link-local (169.254.170.2): a proxy from HTTP_PROXY must never see it.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _taskUri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/task");
        _timeout = timeout;
        _logger = logger;
    }

    public async Task<string?> TryGetTaskIdAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http
                .GetAsync(_taskUri, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(_taskUri, $"status {(int)response.StatusCode}");
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var document = await JsonSerializer
                    .DeserializeAsync(stream, AppJsonContext.Default.TaskMetadataDocument, deadline.Token)
                    .ConfigureAwait(false);
                var taskId = TaskIdFromArn(document?.TaskArn);
                if (taskId is null)
                {
                    LogFailed(_taskUri, "the answer holds no valid TaskARN");
                }

                return taskId;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(_taskUri, $"no answer within {_timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException e)
        {
            LogFailed(_taskUri, e.Message);
        }
        catch (JsonException)
        {
            LogFailed(_taskUri, "the answer is not JSON");
        }

        return null;
    }

    public void Dispose() => _http.Dispose();

    private static string? TaskIdFromArn(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(":task/", StringComparison.Ordinal))
        {
            return null;
        }

        var taskId = arn[(arn.LastIndexOf('/') + 1)..];
        var valid = taskId.Length is > 0 and <= MaxTaskIdLength
            && taskId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
        return valid ? taskId : null;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "ECS task metadata from {Uri} unusable: {Reason}; using the host name instead")]
    private partial void LogFailed(Uri uri, string reason);
}
