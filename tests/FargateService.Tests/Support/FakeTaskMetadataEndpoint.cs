using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FargateService.Tests.Support;

/// <summary>How the fake answers <c>GET /v4/{container}/task</c>.</summary>
public enum MetadataBehaviour
{
    /// <summary>200 with a task metadata document holding <see cref="FakeTaskMetadataEndpoint.TaskArn"/>.</summary>
    Answer,

    /// <summary>Holds the request until <see cref="FakeTaskMetadataEndpoint.Release"/> (or a long limit), then answers.</summary>
    Hold,

    /// <summary>200 with an HTML page: not JSON.</summary>
    Garbage,

    /// <summary>200 with a JSON document that has no TaskARN.</summary>
    NoTaskArn,

    /// <summary>200 with a TaskARN that is not an ECS task ARN.</summary>
    MalformedTaskArn,

    /// <summary>500, as the agent answers while it is not ready.</summary>
    ServerError,
}

/// <summary>
/// A stand-in for the ECS task metadata endpoint v4: a real HTTP server on 127.0.0.1 with a
/// free port, so the service's real client is tested without leaving the machine.
/// </summary>
public sealed class FakeTaskMetadataEndpoint : IAsyncDisposable
{
    public const string TaskId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/fargate-service-dev/" + TaskId;

    // Long enough that a client without a working timeout visibly gets the task id instead of
    // falling back, short enough that such a failing test still ends on its own.
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _requestReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taskRequests;

    private FakeTaskMetadataEndpoint(WebApplication app) => _app = app;

    public MetadataBehaviour Behaviour { get; set; } = MetadataBehaviour.Answer;

    /// <summary>What ECS would put into ECS_CONTAINER_METADATA_URI_V4.</summary>
    public Uri ContainerUri { get; private set; } = null!;

    /// <summary>How many requests reached <c>/task</c>.</summary>
    public int TaskRequests => Volatile.Read(ref _taskRequests);

    /// <summary>Completes when the first <c>/task</c> request has arrived.</summary>
    public Task RequestReceived => _requestReceived.Task;

    public static async Task<FakeTaskMetadataEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeTaskMetadataEndpoint(app);
        app.MapGet("/v4/test-container/task", fake.AnswerTaskAsync);
        await app.StartAsync().ConfigureAwait(false);

        fake.ContainerUri = new Uri($"{app.Urls.Single()}/v4/test-container");
        return fake;
    }

    /// <summary>Lets held requests answer.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerTaskAsync(HttpContext context)
    {
        Interlocked.Increment(ref _taskRequests);
        _requestReceived.TrySetResult();
        var response = context.Response;
        switch (Behaviour)
        {
            case MetadataBehaviour.Answer:
                await WriteJsonAsync(response, DocumentWithArn(TaskArn)).ConfigureAwait(false);
                break;
            case MetadataBehaviour.Hold:
                await Task.WhenAny(_released.Task, Task.Delay(HoldLimit, context.RequestAborted)).ConfigureAwait(false);
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    await WriteJsonAsync(response, DocumentWithArn(TaskArn)).ConfigureAwait(false);
                }

                break;
            case MetadataBehaviour.Garbage:
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body>502 Bad Gateway</body></html>").ConfigureAwait(false);
                break;
            case MetadataBehaviour.NoTaskArn:
                await WriteJsonAsync(response, """{"Cluster":"fargate-service-dev","KnownStatus":"RUNNING"}""").ConfigureAwait(false);
                break;
            case MetadataBehaviour.MalformedTaskArn:
                await WriteJsonAsync(response, DocumentWithArn("task/../../etc/passwd")).ConfigureAwait(false);
                break;
            case MetadataBehaviour.ServerError:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            default:
                throw new InvalidOperationException($"No answer for behaviour {Behaviour}.");
        }
    }

    private static string DocumentWithArn(string arn) =>
        $$"""{"Cluster":"fargate-service-dev","TaskARN":"{{arn}}","Family":"fargate-service","Revision":"7","DesiredStatus":"RUNNING","KnownStatus":"RUNNING","LaunchType":"FARGATE"}""";

    private static Task WriteJsonAsync(HttpResponse response, string json)
    {
        response.ContentType = "application/json";
        return response.WriteAsync(json);
    }
}
