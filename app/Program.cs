using FargateService.Endpoints;
using FargateService.Hosting;
using FargateService.Identity;
using FargateService.Settings;

// The slim builder leaves out what this service does not use (HTTPS, IIS, regex routes),
// which keeps the Native AOT binary small and its start-up short. The content root is the
// binary's own folder, not the working directory: started from "/", the configuration file
// watcher would otherwise walk the whole filesystem.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// Settings: every APP_* variable read and validated before anything else starts.
if (!ServiceSettingsReader.TryRead(builder.Configuration, out var settings, out var problems))
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    return ExitCodes.InvalidSettings;
}

builder.Services.AddSingleton(settings);

// Server: APP_LISTEN_ADDRESS:APP_PORT, no Server header.
builder.WebHost.UseServiceEndpoint(settings);

// Shutdown: on SIGTERM stop accepting, let in-flight requests finish for at most this long.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownTimeout);

// Logs: one JSON object per line on stdout.
builder.Logging.AddSingleLineJsonConsole(settings.LogLevel);

// JSON: source-generated, no reflection.
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

// Errors: 404, 405 and 500 answer with a small application/problem+json body, never exception details.
builder.Services.AddProblemDetails();

// Instance identity: ECS task id, else host name.
builder.Services.AddInstanceIdentity(settings);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapServiceEndpoints();

try
{
    await app.RunAsync().ConfigureAwait(false);
}
catch (IOException e)
{
    // Kestrel could not bind, e.g. the port is taken: one line, not a stack trace.
    Console.Error.WriteLine($"Cannot listen on {settings.ListenAddress}:{settings.Port} (APP_LISTEN_ADDRESS, APP_PORT): {e.Message}");
    return ExitCodes.CannotListen;
}

return ExitCodes.Success;
