using System.Net;
using FargateService.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FargateService.Tests.Settings;

public sealed class ServiceSettingsReaderTests
{
    private static IConfiguration Configuration(params (string Name, string Value)[] variables) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)))
            .Build();

    [Test]
    public void TryRead_NothingSet_ReturnsTheDocumentedDefaults()
    {
        var read = ServiceSettingsReader.TryRead(Configuration(), out var settings, out var problems);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.True);
            Assert.That(problems, Is.Empty);
            Assert.That(settings, Is.EqualTo(new ServiceSettings
            {
                ListenAddress = IPAddress.Any,
                Port = 8080,
                ServiceName = "fargate-service",
                Environment = "local",
                Version = "dev",
                ShutdownTimeout = TimeSpan.FromSeconds(10),
                LogLevel = LogLevel.Information,
                MetadataTimeout = TimeSpan.FromMilliseconds(500),
                TaskMetadataEndpoint = null,
            }));
        });
    }

    [Test]
    public void TryRead_EverySettingGiven_UsesEveryValue()
    {
        var configuration = Configuration(
            ("APP_LISTEN_ADDRESS", "::1"),
            ("APP_PORT", "9090"),
            ("APP_SERVICE_NAME", "orders"),
            ("APP_ENVIRONMENT", "prod"),
            ("APP_VERSION", "9fceb02d0ae598e95dc970b74767f19372d61af8"),
            ("APP_SHUTDOWN_TIMEOUT_SECONDS", "20"),
            ("APP_LOG_LEVEL", "warning"),
            ("APP_METADATA_TIMEOUT_MS", "250"),
            ("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc-123"));

        var read = ServiceSettingsReader.TryRead(configuration, out var settings, out var problems);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.True);
            Assert.That(problems, Is.Empty);
            Assert.That(settings, Is.EqualTo(new ServiceSettings
            {
                ListenAddress = IPAddress.IPv6Loopback,
                Port = 9090,
                ServiceName = "orders",
                Environment = "prod",
                Version = "9fceb02d0ae598e95dc970b74767f19372d61af8",
                ShutdownTimeout = TimeSpan.FromSeconds(20),
                LogLevel = LogLevel.Warning,
                MetadataTimeout = TimeSpan.FromMilliseconds(250),
                TaskMetadataEndpoint = new Uri("http://169.254.170.2/v4/abc-123"),
            }));
        });
    }

    [TestCase("APP_PORT", "abc", "Invalid setting APP_PORT=\"abc\": expected an integer from 1 to 65535.")]
    [TestCase("APP_PORT", "0", "Invalid setting APP_PORT=\"0\": expected an integer from 1 to 65535.")]
    [TestCase("APP_PORT", "65536", "Invalid setting APP_PORT=\"65536\": expected an integer from 1 to 65535.")]
    [TestCase("APP_PORT", " 8080", "Invalid setting APP_PORT=\" 8080\": expected an integer from 1 to 65535.")]
    [TestCase("APP_PORT", "-1", "Invalid setting APP_PORT=\"-1\": expected an integer from 1 to 65535.")]
    [TestCase("APP_LISTEN_ADDRESS", "localhost", "Invalid setting APP_LISTEN_ADDRESS=\"localhost\": expected an IPv4 or IPv6 address literal such as 0.0.0.0, 127.0.0.1 or ::.")]
    [TestCase("APP_LISTEN_ADDRESS", "127.1", "Invalid setting APP_LISTEN_ADDRESS=\"127.1\": expected an IPv4 or IPv6 address literal such as 0.0.0.0, 127.0.0.1 or ::.")]
    [TestCase("APP_SERVICE_NAME", "", "Invalid setting APP_SERVICE_NAME=\"\": expected 1 to 64 characters, each a letter, a digit or one of . _ + - (for example 'prod' or a commit SHA).")]
    [TestCase("APP_ENVIRONMENT", "prod env", "Invalid setting APP_ENVIRONMENT=\"prod env\": expected 1 to 64 characters, each a letter, a digit or one of . _ + - (for example 'prod' or a commit SHA).")]
    [TestCase("APP_VERSION", "<script>", "Invalid setting APP_VERSION=\"<script>\": expected 1 to 64 characters, each a letter, a digit or one of . _ + - (for example 'prod' or a commit SHA).")]
    [TestCase("APP_SHUTDOWN_TIMEOUT_SECONDS", "0", "Invalid setting APP_SHUTDOWN_TIMEOUT_SECONDS=\"0\": expected a whole number of seconds from 1 to 120 (keep it below the container's stopTimeout, 15 s in the stack).")]
    [TestCase("APP_SHUTDOWN_TIMEOUT_SECONDS", "2.5", "Invalid setting APP_SHUTDOWN_TIMEOUT_SECONDS=\"2.5\": expected a whole number of seconds from 1 to 120 (keep it below the container's stopTimeout, 15 s in the stack).")]
    [TestCase("APP_LOG_LEVEL", "Verbose", "Invalid setting APP_LOG_LEVEL=\"Verbose\": expected one of Trace, Debug, Information, Warning, Error, Critical, None.")]
    [TestCase("APP_LOG_LEVEL", "2", "Invalid setting APP_LOG_LEVEL=\"2\": expected one of Trace, Debug, Information, Warning, Error, Critical, None.")]
    [TestCase("APP_METADATA_TIMEOUT_MS", "5001", "Invalid setting APP_METADATA_TIMEOUT_MS=\"5001\": expected a whole number of milliseconds from 1 to 5000.")]
    [TestCase("ECS_CONTAINER_METADATA_URI_V4", "169.254.170.2/v4/x", "Invalid setting ECS_CONTAINER_METADATA_URI_V4=\"169.254.170.2/v4/x\": expected an absolute http:// or https:// URL (ECS sets it inside a task).")]
    [TestCase("ECS_CONTAINER_METADATA_URI_V4", "file:///etc/passwd", "Invalid setting ECS_CONTAINER_METADATA_URI_V4=\"file:///etc/passwd\": expected an absolute http:// or https:// URL (ECS sets it inside a task).")]
    public void TryRead_BadValue_FailsWithOneLineNamingVariableValueAndAllowed(string name, string value, string expected)
    {
        var read = ServiceSettingsReader.TryRead(Configuration((name, value)), out var settings, out var problems);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(settings, Is.Null);
            Assert.That(problems, Is.EqualTo(new[] { expected }));
        });
    }

    [Test]
    public void TryRead_TwoBadValues_ReportsOneLinePerVariable()
    {
        var read = ServiceSettingsReader.TryRead(
            Configuration(("APP_PORT", "http"), ("APP_LOG_LEVEL", "loud")), out _, out var problems);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.False);
            Assert.That(problems, Has.Count.EqualTo(2));
            Assert.That(problems[0], Does.StartWith("Invalid setting APP_PORT=\"http\""));
            Assert.That(problems[1], Does.StartWith("Invalid setting APP_LOG_LEVEL=\"loud\""));
        });
    }

    [Test]
    public void TryRead_ValueWithNewline_EscapesItSoTheMessageStaysOneLine()
    {
        ServiceSettingsReader.TryRead(Configuration(("APP_PORT", "80\n80")), out _, out var problems);

        Assert.That(problems, Is.EqualTo(new[] { "Invalid setting APP_PORT=\"80\\u000a80\": expected an integer from 1 to 65535." }));
    }

    [Test]
    public void TryRead_VeryLongValue_ShowsOnlyItsStart()
    {
        ServiceSettingsReader.TryRead(Configuration(("APP_VERSION", new string('a', 500))), out _, out var problems);

        Assert.That(problems.Single(), Does.StartWith($"Invalid setting APP_VERSION=\"{new string('a', 100)}\" (first 100 of 500 characters): expected"));
    }
}
