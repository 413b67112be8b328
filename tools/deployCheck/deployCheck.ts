// The deploy check: after `pulumi up`, the release counts as shipped only when ECS completed the rollout of the task
// definition this update declared, and the stack's URL serves the commit from more than one task. `pulumi up`
// alone reports success after a rollback too (pulumi-aws#4487, terraform-provider-aws#20858).
import { DescribeServices } from "./describeServices";
import { awaitRollout } from "./rollout";
import { Get, probeVersion } from "./versionProbe";

export interface DeployCheck {
    taskDefinition: string;
    /** The stack's `url` output; the check requests its `/`. */
    url: string;
    /** The commit SHA the image was built from, which the service reports as `version`. */
    version: string;
    timeoutSeconds: number;
    pollSeconds: number;
    maxRequests: number;
    requestTimeoutMs: number;
}

export interface DeployCheckIo {
    describe: DescribeServices;
    get: Get;
    now: () => number;
    sleep: (milliseconds: number) => Promise<void>;
    log: (line: string) => void;
}

/** Resolves with the line to print when the deploy shipped; rejects with a DeployCheckError when it did not. */
export async function runDeployCheck(check: DeployCheck, io: DeployCheckIo): Promise<string> {
    const primary = await awaitRollout({
        describe: io.describe,
        taskDefinition: check.taskDefinition,
        timeoutSeconds: check.timeoutSeconds,
        pollSeconds: check.pollSeconds,
        now: io.now,
        sleep: io.sleep,
        log: io.log,
    });
    const root = `${check.url.replace(/\/+$/, "")}/`;
    const probe = await probeVersion({
        url: root,
        version: check.version,
        requiredInstances: Math.max(1, Math.min(2, primary.desiredCount)),
        maxRequests: check.maxRequests,
        requestTimeoutMs: check.requestTimeoutMs,
        get: io.get,
    });
    return (
        `deploy check passed: ${check.taskDefinition} rolled out (COMPLETED, ${primary.runningCount} tasks); ` +
        `${root} served ${check.version} from ${probe.instances.join(", ")} in ${probe.requests} requests`
    );
}
