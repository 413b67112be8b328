using System.Net;
using FargateService.Settings;
using Microsoft.Extensions.Logging;

namespace FargateService.Tests.Support;

/// <summary>
/// The settings every test of the service starts from, in the two forms tests need: the record
/// that handlers and registrations take, and the variables the service reads at start. A test
/// changes only what it is about: <c>TestSettings.Settings with { ... }</c>, or name-value pairs
/// given to <see cref="Variables"/>.
/// </summary>
public static class TestSettings
{
    /// <summary>
    /// The three labels differ from the service's defaults and from each other, so an answer that
    /// carries them shows each was read and put in its place; the rest are the defaults.
    /// </summary>
    public static ServiceSettings Settings { get; } = new()
    {
        ListenAddress = IPAddress.Any,
        Port = 8080,
        ServiceName = "orders",
        Environment = "test",
        Version = "3f2c1ab",
        ShutdownTimeout = TimeSpan.FromSeconds(10),
        LogLevel = LogLevel.Information,
        MetadataTimeout = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>
    /// The variables that set the labels of <see cref="Settings"/>, then <paramref name="overrides"/>.
    /// The address and port are left out: <see cref="ServiceProcess"/> picks a free loopback port.
    /// </summary>
    public static Dictionary<string, string> Variables(params (string Name, string Value)[] overrides)
    {
        var variables = new Dictionary<string, string>
        {
            ["APP_SERVICE_NAME"] = Settings.ServiceName,
            ["APP_ENVIRONMENT"] = Settings.Environment,
            ["APP_VERSION"] = Settings.Version,
        };
        foreach (var (name, value) in overrides)
        {
            variables[name] = value;
        }

        return variables;
    }
}
