using System.Diagnostics;

namespace FargateService.TestSupport;

public sealed partial class ServiceProcess
{
    /// <summary>The service as the build leaves it next to these tests: FargateService.dll on the dotnet host.</summary>
    private static partial ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FargateService.dll"));
        return start;
    }
}
