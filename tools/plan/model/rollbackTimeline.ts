// How long a rollback of the planned stack takes, from the start of the bad deploy to `pulumi up` reporting it:
// by an alarm (during the blue/green bake, or after a rolling deploy), or by the circuit breaker when alarms only
// notify and the new tasks never turn healthy.
import { DeploymentFacts } from "./deploymentFacts";
import { CommonTerms, figure, replacementTerms, sum, TimelineFigure } from "./timelineTerms";

export function rollbackFigure(f: DeploymentFacts, c: CommonTerms): TimelineFigure {
    const inService = [c.launch, { ...c.healthy, name: "the bad release passes its health checks" }];
    if (f.alarmsRollBack && f.strategy === "BLUE_GREEN") {
        return figure(
            "rollback during the bake: an alarm moves production traffic back, then the bad revision is removed",
            [
                ...inService,
                ...c.detection,
                { ...c.drain, name: "the bad revision drains" },
                { ...c.stop, name: "the bad revision stops (at most)" },
                c.poll,
            ],
            true,
        );
    }
    if (f.alarmsRollBack) {
        return figure(
            "rollback by alarm: ECS redeploys the last completed revision",
            [
                ...inService,
                ...c.detection,
                {
                    name: "a rolling deploy of the old revision",
                    seconds: sum(replacementTerms(f, c)),
                    source: "the rolling deploy's replacement terms",
                },
                c.poll,
            ],
            true,
        );
    }
    // A task that never turns healthy: ECS ignores failed checks for the grace period (and ELB needs
    // unhealthyThreshold of them), stops it and tries again until the circuit breaker's threshold is reached.
    const threshold = Math.min(200, Math.max(3, Math.ceil(0.5 * f.desiredCount)));
    const attempts = Math.ceil(threshold / f.desiredCount);
    const judged = Math.max(f.graceSeconds, f.unhealthyThreshold * f.interval);
    const oldTasksStopped = f.strategy === "ROLLING" && f.minimumHealthyPercent < 100;
    return figure(
        "rollback by the circuit breaker: tasks that never turn healthy",
        [
            {
                name:
                    `${attempts} launch attempts until ${threshold} tasks failed, each ${c.launch.seconds} launch + ` +
                    `${judged} until judged unhealthy + ${c.stop.seconds} stop`,
                seconds: attempts * (c.launch.seconds + judged + c.stop.seconds),
                source: "circuit breaker threshold 0.5 × desired (3 to 200); grace period; unhealthyThreshold × interval",
            },
            ...(oldTasksStopped ? [{ ...c.launch, name: "the old revision launches again" }, c.healthy] : []),
            c.poll,
        ],
        true,
    );
}
