namespace FargateService.Identity;

/// <summary>The machine's host name: the instance's name when it is not an ECS task.</summary>
public interface IHostNameProvider
{
    string GetHostName();
}

/// <summary>Reads the host name from the operating system.</summary>
public sealed class SystemHostNameProvider : IHostNameProvider
{
    public string GetHostName() => Environment.MachineName;
}
