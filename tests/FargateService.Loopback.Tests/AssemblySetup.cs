// Each fixture starts its own service process, so fixtures can run side by side: the slow-client
// fixture waits about 30 s for a server timeout, and the others finish within that time.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(3)]
