using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateService.Settings;

/// <summary>
/// Reads <see cref="ServiceSettings"/> from configuration (environment variables in production)
/// and validates every value, so a bad deployment stops at start with a message naming the
/// variable, its value and what is allowed, instead of misbehaving later.
/// </summary>
public static class ServiceSettingsReader
{
    private const int MaxLabelLength = 64;

    private const string LabelRule =
        "1 to 64 characters, each a letter, a digit or one of . _ + - (for example 'prod' or a commit SHA)";

    /// <summary>
    /// Reads every setting; on failure <paramref name="problems"/> holds one line per bad variable.
    /// </summary>
    public static bool TryRead(
        IConfiguration configuration,
        [NotNullWhen(true)] out ServiceSettings? settings,
        out IReadOnlyList<string> problems)
    {
        var reader = new VariableReader(configuration);
        var candidate = new ServiceSettings
        {
            ListenAddress = reader.Read("APP_LISTEN_ADDRESS", IPAddress.Any,
                "an IPv4 or IPv6 address literal such as 0.0.0.0, 127.0.0.1 or ::", TryParseAddress),
            Port = reader.Read("APP_PORT", 8080,
                "an integer from 1 to 65535", (string raw, out int value) => TryParseInteger(raw, 1, 65535, out value)),
            ServiceName = reader.Read("APP_SERVICE_NAME", "fargate-service", LabelRule, TryParseLabel),
            Environment = reader.Read("APP_ENVIRONMENT", "local", LabelRule, TryParseLabel),
            Version = reader.Read("APP_VERSION", "dev", LabelRule, TryParseLabel),
            ShutdownTimeout = reader.Read("APP_SHUTDOWN_TIMEOUT_SECONDS", TimeSpan.FromSeconds(10),
                "a whole number of seconds from 1 to 120 (keep it below the container's stopTimeout, 15 s in the stack)",
                (string raw, out TimeSpan value) => TryParseDuration(raw, 1, 120, TimeSpan.FromSeconds, out value)),
            LogLevel = reader.Read("APP_LOG_LEVEL", LogLevel.Information,
                "one of " + string.Join(", ", Enum.GetNames<LogLevel>()), TryParseLogLevel),
            MetadataTimeout = reader.Read("APP_METADATA_TIMEOUT_MS", TimeSpan.FromMilliseconds(500),
                "a whole number of milliseconds from 1 to 5000",
                (string raw, out TimeSpan value) => TryParseDuration(raw, 1, 5000, TimeSpan.FromMilliseconds, out value)),
            TaskMetadataEndpoint = reader.Read<Uri?>("ECS_CONTAINER_METADATA_URI_V4", null,
                "an absolute http:// or https:// URL (ECS sets it inside a task)", TryParseEndpoint),
        };

        problems = reader.Problems;
        settings = problems.Count == 0 ? candidate : null;
        return settings is not null;
    }

    private delegate bool TryParse<T>(string raw, out T value);

    /// <summary>Reads one variable at a time and collects a line for each bad one.</summary>
    private sealed class VariableReader(IConfiguration configuration)
    {
        public List<string> Problems { get; } = [];

        public T Read<T>(string name, T defaultValue, string allowed, TryParse<T> tryParse)
        {
            var raw = configuration[name];
            if (raw is null)
            {
                return defaultValue;
            }

            if (tryParse(raw, out var value))
            {
                return value;
            }

            Problems.Add($"Invalid setting {name}={Quote(raw)}: expected {allowed}.");
            return defaultValue;
        }
    }

    private static bool TryParseInteger(string raw, int min, int max, out int value) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= min && value <= max;

    private static bool TryParseDuration(
        string raw, int min, int max, Func<double, TimeSpan> unit, out TimeSpan value)
    {
        var valid = TryParseInteger(raw, min, max, out var amount);
        value = unit(amount);
        return valid;
    }

    private static bool TryParseAddress(string raw, out IPAddress value)
    {
        // IPAddress.TryParse also accepts shorthand such as "1" (0.0.0.1) or "127.1";
        // an operator who wrote that almost certainly meant something else, so IPv4 needs all four parts.
        var parsed = IPAddress.TryParse(raw, out var address)
            && (address.AddressFamily == AddressFamily.InterNetworkV6 || raw.Count(c => c == '.') == 3);
        value = parsed ? address! : IPAddress.None;
        return parsed;
    }

    private static bool TryParseLabel(string raw, out string value)
    {
        value = raw;
        return raw.Length is > 0 and <= MaxLabelLength
            && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-');
    }

    private static bool TryParseLogLevel(string raw, out LogLevel value)
    {
        // Enum.TryParse would also take numbers ("2") and combinations ("Debug, Error").
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            if (string.Equals(level.ToString(), raw, StringComparison.OrdinalIgnoreCase))
            {
                value = level;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool TryParseEndpoint(string raw, out Uri? value)
    {
        var parsed = Uri.TryCreate(raw, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        value = parsed ? uri : null;
        return parsed;
    }

    /// <summary>
    /// Quotes a value for the one-line message: control characters are escaped so the message
    /// stays one line, and a very long value is cut.
    /// </summary>
    private static string Quote(string raw)
    {
        const int maxShown = 100;
        var builder = new StringBuilder("\"");
        foreach (var c in raw.Length > maxShown ? raw[..maxShown] : raw)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        builder.Append('"');
        if (raw.Length > maxShown)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (first {maxShown} of {raw.Length} characters)");
        }

        return builder.ToString();
    }
}
