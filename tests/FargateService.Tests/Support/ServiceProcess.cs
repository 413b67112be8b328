using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FargateService.Tests.Support;

/// <summary>
/// The built service (FargateService.dll next to the tests) run as a real process on a free
/// loopback port with real Kestrel, real signals and real stdout/stderr: what the in-process
/// test host cannot show (the Server header, SIGTERM, exit codes, the log stream).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int Sigterm = 15;

    // Bounds every wait so a broken service fails a test instead of hanging the run.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);

    // Variables the service reads, cleared from the inherited environment so only what a test
    // sets reaches it (and never a real ECS metadata endpoint).
    private static readonly string[] ServiceVariablePrefixes = ["APP_", "ECS_", "ASPNETCORE_", "DOTNET_URLS"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<string> StdoutLines => [.. _stdout];

    public IReadOnlyList<string> StderrLines => [.. _stderr];

    /// <summary>Starts the service without waiting for it to serve.</summary>
    public static ServiceProcess Launch(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var chosenPort = port ?? FreeLoopbackPort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FargateService.dll"));
        foreach (var name in startInfo.Environment.Keys.Where(IsServiceVariable).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["APP_LISTEN_ADDRESS"] = "127.0.0.1";
        startInfo.Environment["APP_PORT"] = chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(process, chosenPort);
        process.OutputDataReceived += (_, e) => Collect(e.Data, service._stdout, service._stdoutClosed);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, service._stderr, service._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Starts the service and waits until <c>/health</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var service = Launch(environment);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline && !service._process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(service.BaseUri, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the per-try timeout.
            }

            await Task.Delay(50);
        }

        var output = string.Join(Environment.NewLine, service.StdoutLines.Concat(service.StderrLines));
        await service.DisposeAsync();
        throw new InvalidOperationException($"The service did not answer /health within {StartLimit.TotalSeconds} s. Output:{Environment.NewLine}{output}");
    }

    /// <summary>Sends SIGTERM, what ECS sends before it stops a task.</summary>
    public void SendSigterm()
    {
        if (Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit and for its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(ExitLimit);
        await _process.WaitForExitAsync(limit.Token);
        await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until a stdout line contains <paramref name="text"/>.</summary>
    public async Task WaitForStdoutAsync(string text)
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (!_stdout.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No stdout line containing '{text}' within {StartLimit.TotalSeconds} s.");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>A port that was free a moment ago; the service binds it right after.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Collect(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            lines.Enqueue(line);
        }
    }

    private static bool IsServiceVariable(string name) =>
        ServiceVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    // .NET has no API to send a signal other than SIGKILL; LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
