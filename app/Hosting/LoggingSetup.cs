using System.Text.Json;

namespace FargateService.Hosting;

public static class LoggingSetup
{
    /// <summary>
    /// Writes one JSON object per line to stdout, what the awslogs driver ships to CloudWatch
    /// (a multi-line entry would arrive as several events).
    /// </summary>
    public static ILoggingBuilder AddSingleLineJsonConsole(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);

        // ASP.NET Core logs "Request starting" and "Request finished" at Information: two lines
        // per request would cost a large share of throughput and of the CloudWatch bill, so its
        // categories log warnings and errors unless Debug or Trace is asked for.
        logging.AddFilter("Microsoft.AspNetCore",
            minimumLevel < LogLevel.Information ? minimumLevel : (LogLevel)Math.Max((int)minimumLevel, (int)LogLevel.Warning));

        // The host logs a failed start (the port is taken, say) with the exception's stack trace;
        // Program reports that failure itself in one line, so the host's own category logs only
        // what is critical.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        return logging;
    }
}
