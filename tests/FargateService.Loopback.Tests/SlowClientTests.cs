using System.Diagnostics;

namespace FargateService.Loopback.Tests;

/// <summary>
/// A slow-loris client: it sends its request headers one byte a second and never finishes.
/// Kestrel's RequestHeadersTimeout (30 s by default; the service keeps the default) must drop it
/// while the server goes on serving everyone else. This fixture takes about 30 s, so it runs in
/// parallel with the others on its own service instance.
/// </summary>
[TestFixture]
public sealed class SlowClientTests
{
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(30);
    // Kestrel checks timeouts on a one-second heartbeat; the rest is slack for a loaded machine.
    private static readonly TimeSpan DropDeadline = HeadersTimeout + TimeSpan.FromSeconds(10);

    private ServiceProcess _service = null!;

    [OneTimeSetUp]
    public async Task StartServiceAsync() => _service = await ServiceProcess.StartAsync().ConfigureAwait(false);

    [OneTimeTearDown]
    public void StopService() => _service.Dispose();

    [Test]
    public async Task HeadersOneByteASecond_AreDroppedWith408_AndOthersAreServedMeanwhile()
    {
        var trickle = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('a', 100);
        using var connection = await RawHttpConnection.OpenAsync(_service.Port).ConfigureAwait(false);
        var elapsed = Stopwatch.StartNew();
        var answer = connection.ReadResponseAsync(DropDeadline);

        var sent = 0;
        var servedMeanwhile = 0;
        while (!answer.IsCompleted && sent < trickle.Length && elapsed.Elapsed < DropDeadline)
        {
            try
            {
                await connection.SendAsync(trickle[sent].ToString()).ConfigureAwait(false);
                sent++;
            }
            catch (IOException)
            {
                break;
            }

            var other = await RawHttpConnection.GetAsync(_service.Port, "/health").ConfigureAwait(false);
            servedMeanwhile += other.StatusCode == 200 ? 1 : 0;
            await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        }

        var response = await answer.ConfigureAwait(false);
        var droppedAfter = elapsed.Elapsed;
        TestContext.Out.WriteLine($"dropped after {droppedAfter.TotalSeconds:F1} s, {sent} header bytes sent, {servedMeanwhile} other requests served meanwhile");

        Assert.Multiple(() =>
        {
            Assert.That(response?.StatusCode, Is.EqualTo(408));
            Assert.That(response?.ClosesConnection, Is.True);
            Assert.That(droppedAfter, Is.LessThan(DropDeadline));
            Assert.That(sent, Is.LessThan(trickle.Length), "the whole trickle was accepted: no timeout dropped it");
            Assert.That(servedMeanwhile, Is.EqualTo(sent), "a well-formed request failed while the slow client was connected");
        });
        Assert.That(await connection.IsClosedByServerAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false), Is.True);
    }
}
