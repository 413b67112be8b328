using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FargateService.TestSupport;

/// <summary>
/// The service run as a real process on a free 127.0.0.1 port, with real Kestrel, real signals
/// and its stdout and stderr captured line by line: what an in-process test host cannot show
/// (the Server header, SIGTERM, exit codes, the log stream). Each test project says which build
/// of the service it runs in <see cref="CreateStartInfo"/>; disposing kills a process still running.
/// </summary>
public sealed partial class ServiceProcess : IDisposable, IAsyncDisposable
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
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> StdoutLines => [.. _stdout];

    public IReadOnlyList<string> StderrLines => [.. _stderr];

    /// <summary>Everything the service wrote so far, stdout then stderr, for assertions and failure messages.</summary>
    public string Output => string.Join('\n', StdoutLines.Concat(StderrLines));

    /// <summary>Starts the service without waiting for it to serve.</summary>
    public static ServiceProcess Launch(IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var chosenPort = port ?? FreeLoopbackPort();
        var start = CreateStartInfo();
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var name in start.Environment.Keys.Where(IsServiceVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["APP_LISTEN_ADDRESS"] = IPAddress.Loopback.ToString();
        start.Environment["APP_PORT"] = chosenPort.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, chosenPort);
        process.OutputDataReceived += (_, e) => Collect(e.Data, service._stdout, service._stdoutClosed);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, service._stderr, service._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Starts the service and returns once <c>GET /health</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var service = Launch(environment);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartLimit && !service._process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(service.BaseUri, "/health")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the per-try timeout.
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        var problem = service._process.HasExited
            ? $"exited with code {service._process.ExitCode} at start"
            : $"did not answer 200 on /health within {StartLimit.TotalSeconds} s";
        await service.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"The service {problem}. Output:\n{service.Output}");
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
        await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(limit.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>True if the process exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until a stdout line contains <paramref name="text"/>.</summary>
    public async Task WaitForStdoutAsync(string text)
    {
        var elapsed = Stopwatch.StartNew();
        while (!_stdout.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (elapsed.Elapsed > StartLimit)
            {
                throw new TimeoutException($"No stdout line containing '{text}' within {StartLimit.TotalSeconds} s.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
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

    /// <summary>The command that runs the service build this test project tests.</summary>
    private static partial ProcessStartInfo CreateStartInfo();

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

    // Process.Kill sends SIGKILL, which no service can handle gracefully; SIGTERM needs libc.
    // DllImport, not LibraryImport: int arguments need no marshalling code, and LibraryImport's
    // generated code would need unsafe blocks allowed in the project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
