using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FargateService.Tests.Support;

namespace FargateService.Tests.OutOfProcess;

/// <summary>
/// The built service as a real process on 127.0.0.1: real Kestrel, real SIGTERM, real stdout
/// and stderr and exit codes.
/// </summary>
[NonParallelizable]
public sealed class ServiceProcessTests
{
    [Test]
    public async Task Root_NoEcsVariable_ReportsSettingsAndHostName()
    {
        await using var service = await ServiceProcess.StartAsync(TestSettings.Variables());
        using var client = new HttpClient();

        var body = await client.GetStringAsync(new Uri(service.BaseUri, "/"));

        var settings = TestSettings.Settings;
        Assert.That(body, Is.EqualTo(
            $$"""{"service":"{{settings.ServiceName}}","version":"{{settings.Version}}","environment":"{{settings.Environment}}","instance":"{{Environment.MachineName}}"}"""));
    }

    [Test]
    public async Task Stdout_AfterStartRequestsAndShutdown_IsOneJsonObjectPerLine()
    {
        var service = await ServiceProcess.StartAsync(TestSettings.Variables());
        await using (service)
        {
            using var client = new HttpClient();
            await client.GetStringAsync(new Uri(service.BaseUri, "/"));
            await client.GetStringAsync(new Uri(service.BaseUri, "/health"));
            service.SendSigterm();
            await service.WaitForExitAsync();
        }

        var entries = service.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries, Is.Not.Empty);
            Assert.That(entries.Select(e => e.ValueKind), Is.All.EqualTo(JsonValueKind.Object));
            Assert.That(entries.Select(e => e.GetProperty("Timestamp").GetString()), Is.All.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(entries.Select(e => e.GetProperty("LogLevel").GetString()), Is.All.Not.Null);
            Assert.That(entries.Select(e => e.GetProperty("Message").GetString()), Has.Some.EqualTo("Application is shutting down..."));
            Assert.That(entries.Select(e => e.GetProperty("Category").GetString()), Has.None.EqualTo("Microsoft.AspNetCore.Hosting.Diagnostics"),
                "per-request log lines must be off at the default level");
            Assert.That(service.StderrLines, Is.Empty);
        });
    }

    [Test]
    public async Task Sigterm_RequestInFlight_FinishesItThenExitsZero()
    {
        // The request waits on the fake metadata endpoint until the service is shutting down.
        await using var endpoint = await FakeTaskMetadataEndpoint.StartAsync();
        endpoint.Behaviour = MetadataBehaviour.Hold;
        await using var service = await StartWithMetadataAsync(endpoint);
        using var client = new HttpClient();

        var inFlight = client.GetStringAsync(new Uri(service.BaseUri, "/"));
        await endpoint.RequestReceived;
        service.SendSigterm();
        await service.WaitForStdoutAsync("Application is shutting down...");
        endpoint.Release();
        var body = await inFlight;
        var exitCode = await service.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(body, Does.EndWith($"\"instance\":\"{FakeTaskMetadataEndpoint.TaskId}\"}}"));
            Assert.That(exitCode, Is.Zero);
        });
    }

    [Test]
    public async Task Sigterm_RequestOutlivesShutdownTimeout_IsCutAndProcessStillExitsZero()
    {
        await using var endpoint = await FakeTaskMetadataEndpoint.StartAsync();
        endpoint.Behaviour = MetadataBehaviour.Hold;
        await using var service = await StartWithMetadataAsync(endpoint, ("APP_SHUTDOWN_TIMEOUT_SECONDS", "1"));
        using var client = new HttpClient();

        var inFlight = client.GetStringAsync(new Uri(service.BaseUri, "/"));
        await endpoint.RequestReceived;
        service.SendSigterm();
        var exitCode = await service.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(async () => await inFlight, Throws.InstanceOf<HttpRequestException>());
        });
    }

    [Test]
    public async Task Start_BadSetting_PrintsOneLineAndExitsTwo()
    {
        await using var service = ServiceProcess.Launch(TestSettings.Variables(("APP_LOG_LEVEL", "Verbose")));

        var exitCode = await service.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(service.StderrLines, Is.EqualTo(new[]
            {
                "Invalid setting APP_LOG_LEVEL=\"Verbose\": expected one of Trace, Debug, Information, Warning, Error, Critical, None.",
            }));
            Assert.That(service.StdoutLines, Is.Empty);
        });
    }

    [Test]
    public async Task Start_PortTaken_PrintsOneLineAndExitsThree()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var takenPort = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var service = ServiceProcess.Launch(TestSettings.Variables(), takenPort);

        var exitCode = await service.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(3));
            Assert.That(service.StderrLines, Has.Count.EqualTo(1));
            Assert.That(service.StderrLines[0], Does.StartWith($"Cannot listen on 127.0.0.1:{takenPort} (APP_LISTEN_ADDRESS, APP_PORT): "));
            Assert.That(service.StderrLines[0], Does.Contain("address already in use"));
            Assert.That(service.StdoutLines, Has.None.Contains("   at "), "a stack trace reached the log");
        });
    }

    /// <summary>
    /// The service with its ECS task metadata at <paramref name="endpoint"/>, allowed 5 s for the
    /// lookup: longer than these tests keep it waiting, so the request is still in flight at SIGTERM.
    /// </summary>
    private static Task<ServiceProcess> StartWithMetadataAsync(
        FakeTaskMetadataEndpoint endpoint, params (string Name, string Value)[] overrides) =>
        ServiceProcess.StartAsync(TestSettings.Variables(
            [("ECS_CONTAINER_METADATA_URI_V4", endpoint.ContainerUri.ToString()), ("APP_METADATA_TIMEOUT_MS", "5000"), .. overrides]));
}
