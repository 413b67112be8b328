using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace FargateService.Loopback.Tests;

/// <summary>
/// SIGTERM as ECS sends it on every deploy and scale-in. The service must stop accepting, answer
/// in full every request it has started, and exit 0 within APP_SHUTDOWN_TIMEOUT_SECONDS. The
/// service's own responses leave in microseconds, so requests are held in flight for seconds by a
/// real slow dependency instead: the ECS task metadata lookup behind the first <c>GET /</c>.
/// </summary>
[TestFixture]
public sealed class GracefulShutdownTests
{
    private const int Clients = 64;
    private const int ShutdownTimeoutSeconds = 5;
    private static readonly TimeSpan LoadBeforeSignal = TimeSpan.FromSeconds(2);
    // Process exit after the host stops takes a few milliseconds; this is slack for a loaded machine.
    private static readonly TimeSpan ExitSlack = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(ShutdownTimeoutSeconds) + ExitSlack;

    [Test]
    public async Task Sigterm_WhileRequestsAwaitASlowDependency_AnswersThemInFullThenExitsZero()
    {
        var dependencyDelay = TimeSpan.FromSeconds(2);
        using var metadata = new SlowTaskMetadataEndpoint(dependencyDelay);
        using var service = await StartServiceAsync(ShutdownTimeoutSeconds, metadata).ConfigureAwait(false);
        var inFlight = await SendRootRequestsAsync(service.Port, 16).ConfigureAwait(false);
        await metadata.Requested.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        // The first request started the lookup; this lets Kestrel read the other fifteen too.
        await Task.Delay(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);

        var signalled = Stopwatch.StartNew();
        service.SendSigterm();
        var stoppedAccepting = await StopsAcceptingWithinAsync(service.Port, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        var stillRunningAfterItStopped = !service.HasExited;
        var exitedInTime = await service.WaitForExitAsync(ExitDeadline).ConfigureAwait(false);
        var exitAfter = signalled.Elapsed;
        var responses = await Task.WhenAll(inFlight.Select(ReadAndDisposeAsync)).ConfigureAwait(false);
        TestContext.Out.WriteLine($"exit after {exitAfter.TotalMilliseconds:F0} ms; {responses.Length} in-flight requests answered");

        Assert.Multiple(() =>
        {
            Assert.That(stoppedAccepting, Is.True, "new connections were still accepted 1 s after SIGTERM");
            Assert.That(stillRunningAfterItStopped, Is.True, "the process exited before its in-flight requests were answered");
            Assert.That(exitedInTime, Is.True, $"still running {ExitDeadline.TotalSeconds} s after SIGTERM");
            Assert.That(service.HasExited ? service.ExitCode : -1, Is.Zero);
            foreach (var response in responses)
            {
                Assert.That(response.StatusCode, Is.EqualTo(200));
                Assert.That(response.BodyText, Does.Contain($"\"instance\":\"{SlowTaskMetadataEndpoint.TaskId}\""));
                Assert.That(response.ClosesConnection, Is.True, "an answer during shutdown must close its connection");
            }

            Assert.That(service.Output, Does.Not.Contain("   at "), "a stack trace reached the log");
        });
    }

    [Test]
    public async Task Sigterm_RequestsOutlastTheShutdownTimeout_ExitsZeroWithinTheTimeout()
    {
        // A dependency slower than the shutdown timeout: the service must not overstay it (ECS
        // kills the container its stopTimeout after SIGTERM: 15 s in the stack, 5 s more than the
        // service drains), and a request it gives up on gets no partial answer.
        const int shortShutdownTimeoutSeconds = 1;
        using var metadata = new SlowTaskMetadataEndpoint(TimeSpan.FromSeconds(4));
        using var service = await StartServiceAsync(shortShutdownTimeoutSeconds, metadata).ConfigureAwait(false);
        var inFlight = await SendRootRequestsAsync(service.Port, 4).ConfigureAwait(false);
        await metadata.Requested.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);

        var signalled = Stopwatch.StartNew();
        service.SendSigterm();
        var exitedInTime = await service.WaitForExitAsync(TimeSpan.FromSeconds(shortShutdownTimeoutSeconds) + ExitSlack).ConfigureAwait(false);
        var exitAfter = signalled.Elapsed;
        var outcomes = await Task.WhenAll(inFlight.Select(ReadOutcomeAndDisposeAsync)).ConfigureAwait(false);
        TestContext.Out.WriteLine($"exit after {exitAfter.TotalMilliseconds:F0} ms; outcomes: {string.Join(", ", outcomes)}");

        Assert.Multiple(() =>
        {
            Assert.That(exitedInTime, Is.True, $"still running {shortShutdownTimeoutSeconds} s + {ExitSlack.TotalSeconds} s after SIGTERM");
            Assert.That(service.HasExited ? service.ExitCode : -1, Is.Zero);
            Assert.That(outcomes, Has.None.EqualTo("partial"), "a response was cut off part-way");
        });
    }

    [Test]
    public async Task Sigterm_UnderLoad_NoResponseIsCutAndExitsZero()
    {
        using var service = await StartServiceAsync(ShutdownTimeoutSeconds, metadata: null).ConfigureAwait(false);
        var signal = new SignalClock();
        var clients = Enumerable.Range(0, Clients)
            .Select(i => RunClientAsync(service.Port, i % 2 == 0 ? "/health" : "/", signal))
            .ToArray();

        await Task.Delay(LoadBeforeSignal).ConfigureAwait(false);
        signal.Mark();
        service.SendSigterm();
        var exitedInTime = await service.WaitForExitAsync(ExitDeadline).ConfigureAwait(false);
        var exitAfter = signal.Elapsed;
        var tallies = await Task.WhenAll(clients).ConfigureAwait(false);
        var total = ClientTally.Sum(tallies);
        var refusedAfterExit = await NewConnectionIsRefusedAsync(service.Port).ConfigureAwait(false);
        TestContext.Out.WriteLine($"exit after {exitAfter.TotalMilliseconds:F0} ms; {total}");

        // A request the server had not yet read when it stopped may see its connection closed
        // without an answer (Kestrel does not start new requests while stopping); a client or
        // load balancer retries that idempotent GET. What must never happen is a cut response.
        Assert.Multiple(() =>
        {
            Assert.That(exitedInTime, Is.True, $"still running {ExitDeadline.TotalSeconds} s after SIGTERM");
            Assert.That(service.HasExited ? service.ExitCode : -1, Is.Zero);
            Assert.That(total.Partial, Is.Zero, "a response was cut off part-way");
            Assert.That(total.Wrong, Is.Zero, "a response was not a complete 200 with the endpoint's body");
            Assert.That(total.Hung, Is.Zero, "a request got neither an answer nor a closed connection");
            Assert.That(total.FailedBeforeSignal, Is.Zero, "a request failed before SIGTERM was sent");
            Assert.That(total.InFlightAnswered, Is.GreaterThan(0), "no request was outstanding at the signal: the test proved nothing");
            Assert.That(refusedAfterExit, Is.True, "the port still accepts connections after exit");
            Assert.That(service.Output, Does.Not.Contain("   at "), "a stack trace reached the log");
        });
    }

    private static Task<ServiceProcess> StartServiceAsync(int shutdownTimeoutSeconds, SlowTaskMetadataEndpoint? metadata)
    {
        var environment = new Dictionary<string, string>
        {
            ["APP_SHUTDOWN_TIMEOUT_SECONDS"] = shutdownTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (metadata is not null)
        {
            environment["ECS_CONTAINER_METADATA_URI_V4"] = metadata.BaseUri.AbsoluteUri;
            environment["APP_METADATA_TIMEOUT_MS"] = "5000";
        }

        return ServiceProcess.StartAsync(environment);
    }

    /// <summary>Sends <c>GET /</c> on <paramref name="count"/> new connections without reading the answers.</summary>
    private static async Task<RawHttpConnection[]> SendRootRequestsAsync(int port, int count)
    {
        var connections = new RawHttpConnection[count];
        for (var i = 0; i < count; i++)
        {
            connections[i] = await RawHttpConnection.OpenAsync(port).ConfigureAwait(false);
            await connections[i].SendAsync(RawHttpConnection.Get("/")).ConfigureAwait(false);
        }

        return connections;
    }

    private static async Task<RawResponse> ReadAndDisposeAsync(RawHttpConnection connection)
    {
        using (connection)
        {
            return await connection.ReadResponseAsync().ConfigureAwait(false)
                ?? throw new IncompleteResponseException("connection closed without an answer");
        }
    }

    private static async Task<string> ReadOutcomeAndDisposeAsync(RawHttpConnection connection)
    {
        using (connection)
        {
            try
            {
                var response = await connection.ReadResponseAsync().ConfigureAwait(false);
                return response is null ? "closed without an answer" : $"answered {response.StatusCode}";
            }
            catch (IncompleteResponseException)
            {
                return "partial";
            }
            catch (IOException)
            {
                return "reset without an answer";
            }
        }
    }

    private static async Task<bool> StopsAcceptingWithinAsync(int port, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < timeout)
        {
            if (await NewConnectionIsRefusedAsync(port).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>One keep-alive client: request after request until the server closes the connection.</summary>
    private static async Task<ClientTally> RunClientAsync(int port, string path, SignalClock signal)
    {
        var tally = new ClientTally();
        var request = RawHttpConnection.Get(path);
        using var connection = await RawHttpConnection.OpenAsync(port).ConfigureAwait(false);
        while (true)
        {
            var sentBeforeSignal = !signal.IsMarked;
            RawResponse? response;
            try
            {
                await connection.SendAsync(request).ConfigureAwait(false);
                response = await connection.ReadResponseAsync().ConfigureAwait(false);
            }
            catch (IncompleteResponseException)
            {
                tally.Partial++;
                return tally;
            }
            catch (OperationCanceledException)
            {
                tally.Hung++;
                return tally;
            }
            catch (IOException)
            {
                // Reset before any byte of a response: the server never started this request.
                response = null;
            }

            if (response is null)
            {
                tally.RecordUnanswered(sentBeforeSignal, signal.IsMarked);
                return tally;
            }

            tally.RecordAnswered(IsCompleteAnswer(path, response), sentBeforeSignal && signal.IsMarked, response.ClosesConnection);
            if (response.ClosesConnection)
            {
                return tally;
            }
        }
    }

    private static bool IsCompleteAnswer(string path, RawResponse response)
    {
        if (response.StatusCode != 200)
        {
            return false;
        }

        using var body = JsonDocument.Parse(response.Body);
        return path == "/health"
            ? body.RootElement.GetProperty("status").GetString() == "healthy"
            : body.RootElement.GetProperty("service").GetString() == "fargate-service";
    }

    private static async Task<bool> NewConnectionIsRefusedAsync(int port)
    {
        try
        {
            using var connection = await RawHttpConnection.OpenAsync(port).ConfigureAwait(false);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>The moment SIGTERM was sent, shared by every client.</summary>
    private sealed class SignalClock
    {
        private long _markedAt;

        public bool IsMarked => Volatile.Read(ref _markedAt) != 0;

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref _markedAt));

        public void Mark() => Volatile.Write(ref _markedAt, Stopwatch.GetTimestamp());
    }

    private sealed class ClientTally
    {
        public int Answered { get; private set; }

        public int InFlightAnswered { get; private set; }

        public int AnsweredWithClose { get; private set; }

        public int Wrong { get; private set; }

        public int Partial { get; set; }

        public int Hung { get; set; }

        public int FailedBeforeSignal { get; private set; }

        public int UnansweredSentBeforeSignal { get; private set; }

        public int UnansweredSentAfterSignal { get; private set; }

        public static ClientTally Sum(IEnumerable<ClientTally> tallies)
        {
            var sum = new ClientTally();
            foreach (var t in tallies)
            {
                sum.Answered += t.Answered;
                sum.InFlightAnswered += t.InFlightAnswered;
                sum.AnsweredWithClose += t.AnsweredWithClose;
                sum.Wrong += t.Wrong;
                sum.Partial += t.Partial;
                sum.Hung += t.Hung;
                sum.FailedBeforeSignal += t.FailedBeforeSignal;
                sum.UnansweredSentBeforeSignal += t.UnansweredSentBeforeSignal;
                sum.UnansweredSentAfterSignal += t.UnansweredSentAfterSignal;
            }

            return sum;
        }

        public void RecordAnswered(bool complete, bool inFlightAtSignal, bool closes)
        {
            Answered++;
            Wrong += complete ? 0 : 1;
            InFlightAnswered += inFlightAtSignal ? 1 : 0;
            AnsweredWithClose += closes ? 1 : 0;
        }

        public void RecordUnanswered(bool sentBeforeSignal, bool closedAfterSignal)
        {
            FailedBeforeSignal += closedAfterSignal ? 0 : 1;
            UnansweredSentBeforeSignal += sentBeforeSignal ? 1 : 0;
            UnansweredSentAfterSignal += sentBeforeSignal ? 0 : 1;
        }

        public override string ToString() =>
            $"{Answered} answered ({InFlightAnswered} of them in flight at the signal, {AnsweredWithClose} with Connection: close), " +
            $"{Partial} partial, {Wrong} wrong, {Hung} hung, {FailedBeforeSignal} failed before the signal, " +
            $"unanswered (connection closed before any byte): {UnansweredSentBeforeSignal} sent before the signal, {UnansweredSentAfterSignal} after";
    }
}
