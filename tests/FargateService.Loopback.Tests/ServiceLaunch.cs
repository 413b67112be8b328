using System.Diagnostics;
using FargateService.Loopback.Tests;

namespace FargateService.TestSupport;

public sealed partial class ServiceProcess
{
    /// <summary>
    /// The published Native AOT binary with the runtime settings of the image: app/Dockerfile's
    /// DOTNET_EnableDiagnostics=0 and none of the runner's DOTNET_* settings (a GC mode, say).
    /// </summary>
    private static partial ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo(PublishedService.BinaryPath);
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        return start;
    }
}
