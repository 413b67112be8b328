using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateService.Loopback.Tests;

/// <summary>
/// A stand-in for the ECS task metadata endpoint on 127.0.0.1 that answers <c>GET /task</c> only
/// after a delay. The service looks its task id up on the first <c>GET /</c>, so every first
/// <c>GET /</c> stays in flight for that long: a real slow dependency, with no test hook in the
/// service.
/// </summary>
public sealed class SlowTaskMetadataEndpoint : IDisposable
{
    public const string TaskId = "5f0c8e4a9d2b4c7e8a1f3b6d9e2c4a70";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SlowTaskMetadataEndpoint(TimeSpan delay)
    {
        _delay = delay;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The value for ECS_CONTAINER_METADATA_URI_V4.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v4/container");

    /// <summary>Completes when the service has asked for the task metadata.</summary>
    public Task Requested => _requested.Task;

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
                _ = AnswerSlowlyAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task AnswerSlowlyAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            try
            {
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, _stopping.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                _requested.TrySetResult();
                await Task.Delay(_delay, _stopping.Token).ConfigureAwait(false);
                var body = $$"""{"TaskARN":"arn:aws:ecs:eu-west-1:123456789012:task/test-cluster/{{TaskId}}"}""";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // Disposed, or the service gave up on the lookup.
            }
        }
    }
}
