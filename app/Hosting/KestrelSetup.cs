using FargateService.Settings;

namespace FargateService.Hosting;

public static class KestrelSetup
{
    /// <summary>
    /// Binds Kestrel to APP_LISTEN_ADDRESS:APP_PORT only, and drops the <c>Server</c> header
    /// (it tells a scanner which server and version to target, and no client needs it).
    /// </summary>
    public static IWebHostBuilder UseServiceEndpoint(this IWebHostBuilder webHost, ServiceSettings settings)
    {
        // APP_* are the only bind settings. The .NET base images set ASPNETCORE_HTTP_PORTS=8080;
        // left in place, Kestrel would log an "Overriding address(es)" warning at every start.
        webHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        webHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        webHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);

        return webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.ListenAddress, settings.Port);
        });
    }
}
