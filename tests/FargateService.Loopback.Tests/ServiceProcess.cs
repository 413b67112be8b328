using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FargateService.Loopback.Tests;

/// <summary>
/// One running instance of the published service, bound to 127.0.0.1 on a free port, with its
/// stdout and stderr captured line by line. Disposing it kills the process if it still runs.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private const int Sigterm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything the service wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts the service and returns once <c>GET /health</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(PublishedService.BinaryPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Only what the test sets reaches the service: no APP_*, ECS_* or runtime settings from
        // the runner's environment, and the one runtime setting app/Dockerfile gives the image.
        foreach (var inherited in start.Environment.Keys.Where(IsServiceVariable).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["APP_LISTEN_ADDRESS"] = IPAddress.Loopback.ToString();
        start.Environment["APP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, port);
        process.OutputDataReceived += (_, line) => service.Capture(line.Data);
        process.ErrorDataReceived += (_, line) => service.Capture(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync().ConfigureAwait(false);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>What ECS sends to stop a task.</summary>
    public void SendSigterm()
    {
        if (Kill(process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>True if the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} at start:\n{Output}");
            }

            try
            {
                var health = await RawHttpConnection.GetAsync(Port, "/health").ConfigureAwait(false);
                if (health.StatusCode == 200)
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                // Not listening yet, or still starting.
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        throw new TimeoutException($"The service did not answer 200 on /health within {StartTimeout}:\n{Output}");
    }

    private static bool IsServiceVariable(string name) =>
        name.StartsWith("APP_", StringComparison.Ordinal) || name.StartsWith("ECS_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal);

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    // Process.Kill sends SIGKILL, which no service can handle gracefully; SIGTERM needs libc.
    // DllImport, not LibraryImport: int arguments need no marshalling code, and LibraryImport's
    // generated code would need unsafe blocks allowed in the project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
