namespace FargateService.Hosting;

/// <summary>
/// Process exit codes, distinct so an operator reading a stopped task's exit code can tell a
/// configuration mistake from a crash (an unhandled .NET exception exits with 134, SIGABRT).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidSettings = 2;
    public const int CannotListen = 3;
}
