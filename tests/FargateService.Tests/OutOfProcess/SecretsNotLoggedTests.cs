using System.Net;
using FargateService.Tests.Support;

namespace FargateService.Tests.OutOfProcess;

/// <summary>
/// ECS hands the service its secrets as environment variables (the stack's <c>secrets</c> and
/// <c>secretValues</c>, never an <c>APP_*</c> name). Whatever the service does with them, no line
/// it writes may carry a value: not at the most verbose log level, not when a setting is wrong
/// and it stops at start, not when requests fail.
/// </summary>
[NonParallelizable]
public sealed class SecretsNotLoggedTests
{
    private Dictionary<string, string> _secrets = null!;

    [SetUp]
    public void CreateSecrets()
    {
        // Unique per run, so that a match can only come from the service writing them out.
        _secrets = new Dictionary<string, string>
        {
            ["DB_PASSWORD"] = $"db-{Guid.NewGuid():N}",
            ["API_KEY"] = $"key-{Guid.NewGuid():N}",
        };
    }

    [Test]
    public async Task Trace_RequestsErrorsAndShutdown_NoLineCarriesASecret()
    {
        var service = await ServiceProcess.StartAsync(Variables(("APP_LOG_LEVEL", "Trace")));
        await using (service)
        {
            using var client = new HttpClient();
            Assert.That((await client.GetAsync(new Uri(service.BaseUri, "/"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.GetAsync(new Uri(service.BaseUri, "/missing"))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await client.PostAsync(new Uri(service.BaseUri, "/health"), null)).StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            service.SendSigterm();
            await service.WaitForExitAsync();
        }

        Assert.Multiple(() =>
        {
            // Trace logs every request and the host's start and stop: plenty of lines that could leak.
            Assert.That(service.StdoutLines, Has.Some.Contains("\"Category\":\"Microsoft.AspNetCore.Hosting.Diagnostics\""),
                "Trace should log each request, or this test proves little");
            AssertNoSecretIn(service);
        });
    }

    [Test]
    public async Task Start_BadSettingBesideSecrets_ReportsTheSettingButNoSecret()
    {
        await using var service = ServiceProcess.Launch(Variables(("APP_PORT", "eighty"), ("APP_LOG_LEVEL", "Trace")));

        var exitCode = await service.WaitForExitAsync();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(service.StderrLines, Is.EqualTo(new[]
            {
                "Invalid setting APP_PORT=\"eighty\": expected an integer from 1 to 65535.",
            }));
            AssertNoSecretIn(service);
        });
    }

    private Dictionary<string, string> Variables(params (string Name, string Value)[] overrides) =>
        TestSettings.Variables([.. _secrets.Select(secret => (secret.Key, secret.Value)), .. overrides]);

    private void AssertNoSecretIn(ServiceProcess service)
    {
        foreach (var (name, value) in _secrets)
        {
            Assert.That(service.StdoutLines.Concat(service.StderrLines), Has.None.Contains(value),
                $"the value of {name} reached the service's output");
        }
    }
}
