using System.Diagnostics;

namespace FargateService.Loopback.Tests;

/// <summary>
/// The service binary under test, published once per test run exactly as app/Dockerfile does it
/// (Native AOT, linux-x64, Release), so these tests exercise what the image ships.
/// LOOPBACK_SERVICE_BINARY names an already published binary and skips the publish.
/// </summary>
[SetUpFixture]
public sealed class PublishedService
{
    private const string BinaryVariable = "LOOPBACK_SERVICE_BINARY";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static string? _binaryPath;

    public static string BinaryPath =>
        _binaryPath ?? throw new InvalidOperationException("The service binary is resolved in the one-time set-up.");

    [OneTimeSetUp]
    public async Task PublishOnceAsync()
    {
        var given = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrEmpty(given))
        {
            Assert.That(File.Exists(given), Is.True, $"{BinaryVariable}={given}: no such file; unset it to publish app/.");
            _binaryPath = Path.GetFullPath(given);
            return;
        }

        var root = RepositoryRoot();
        // Beside the test assembly (bin/ is ignored by git); build/ belongs to the infra build.
        var output = Path.Combine(AppContext.BaseDirectory, "service-under-test");
        await RunPublishAsync(Path.Combine(root, "app", "FargateService.csproj"), output).ConfigureAwait(false);
        _binaryPath = Path.Combine(output, "FargateService");
        Assert.That(File.Exists(_binaryPath), Is.True, $"dotnet publish produced no {_binaryPath}");
    }

    private static async Task RunPublishAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "--nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet publish of {project} took longer than {PublishTimeout.TotalMinutes} minutes");
        }

        Assert.That(publish.ExitCode, Is.Zero,
            $"dotnet publish of {project} failed (Native AOT needs clang and zlib1g-dev):\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "app", "FargateService.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No app/FargateService.csproj above {AppContext.BaseDirectory}");
    }
}
