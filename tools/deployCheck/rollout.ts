// Whether ECS finished rolling out the task definition this update declared: the service's primary deployment
// must run exactly it, with rolloutState COMPLETED. A rollback (by the circuit breaker or an alarm) leaves the
// primary deployment on the previous revision, or FAILED: both end the check at once.
import { Deployment, DescribeServices, DescribeServicesResponse, Service } from "./describeServices";
import { DeployCheckError } from "./deployCheckError";

export type RolloutVerdict =
    | { state: "completed"; primary: Deployment }
    | { state: "waiting"; reason: string }
    | { state: "failed"; reason: string };

/** The newest event, which says why ECS did what it did ("... rolling back to deployment ..."). */
function lastEvent(service: Service): string {
    const [latest] = [...(service.events ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return latest === undefined ? "" : `; last event: ${latest.message}`;
}

export function judgeRollout(response: DescribeServicesResponse, taskDefinition: string): RolloutVerdict {
    const [service] = response.services;
    if (service === undefined) {
        const failure = response.failures[0];
        return { state: "failed", reason: `ECS found no such service (${failure?.reason ?? "no answer"})` };
    }
    const primary = service.deployments.find((deployment) => deployment.status === "PRIMARY");
    if (primary === undefined) {
        return {
            state: "failed",
            reason: `service ${service.serviceName} has no PRIMARY deployment${lastEvent(service)}`,
        };
    }
    const why = `${primary.rolloutStateReason ?? "no reason given"}${lastEvent(service)}`;
    if (primary.taskDefinition !== taskDefinition) {
        return {
            state: "failed",
            reason:
                `ECS rolled the release back: the primary deployment runs ${primary.taskDefinition}, not ` +
                `${taskDefinition} that this update declared (${why})`,
        };
    }
    if (primary.rolloutState === "FAILED") {
        return { state: "failed", reason: `the rollout of ${taskDefinition} FAILED (${why})` };
    }
    if (primary.rolloutState === "COMPLETED") {
        return { state: "completed", primary };
    }
    return {
        state: "waiting",
        reason:
            `the rollout of ${taskDefinition} is ${primary.rolloutState ?? "without a rolloutState"}, ` +
            `${primary.runningCount} of ${primary.desiredCount} tasks running (${why})`,
    };
}

export interface RolloutWait {
    describe: DescribeServices;
    taskDefinition: string;
    timeoutSeconds: number;
    pollSeconds: number;
    /** Milliseconds since some fixed moment; a test passes a fake clock. */
    now: () => number;
    sleep: (milliseconds: number) => Promise<void>;
    log: (line: string) => void;
}

/** Polls until the rollout completes (returning the primary deployment) or fails, or the time is up. */
export async function awaitRollout(wait: RolloutWait): Promise<Deployment> {
    const deadline = wait.now() + wait.timeoutSeconds * 1000;
    for (;;) {
        const verdict = judgeRollout(await wait.describe(), wait.taskDefinition);
        if (verdict.state === "completed") {
            return verdict.primary;
        }
        if (verdict.state === "failed") {
            throw new DeployCheckError(verdict.reason);
        }
        if (wait.now() + wait.pollSeconds * 1000 > deadline) {
            throw new DeployCheckError(`after ${wait.timeoutSeconds} s ${verdict.reason}`);
        }
        wait.log(`waiting: ${verdict.reason}`);
        await wait.sleep(wait.pollSeconds * 1000);
    }
}
