namespace FargateService.Tests.Http;

/// <summary>A bad setting stops the host before it serves, with one line on stderr.</summary>
[NonParallelizable]
public sealed class StartupFailureHttpTests
{
    private TextWriter _originalError = null!;
    private StringWriter _error = null!;

    [SetUp]
    public void CaptureStandardError()
    {
        _originalError = Console.Error;
        _error = new StringWriter();
        Console.SetError(_error);
    }

    [TearDown]
    public void RestoreStandardError()
    {
        Console.SetError(_originalError);
        _error.Dispose();
    }

    [Test]
    public void CreateClient_BadPort_HostNeverStartsAndStderrNamesTheVariable()
    {
        using var service = SharedServiceFactory.Factory.WithWebHostBuilder(builder => builder.UseSetting("APP_PORT", "eighty"));

        Assert.That(() => service.CreateClient(), Throws.InstanceOf<InvalidOperationException>());
        Assert.That(_error.ToString(), Is.EqualTo(
            "Invalid setting APP_PORT=\"eighty\": expected an integer from 1 to 65535." + Environment.NewLine));
    }
}
