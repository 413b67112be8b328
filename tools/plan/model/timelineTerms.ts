// The named terms a deployment timeline adds up, each from one setting of the stack (or a named assumption), and
// the arithmetic of figures. docs/deployments.md cites the AWS documentation behind every term.
import { DeploymentFacts } from "./deploymentFacts";

export interface TimelineTerm {
    name: string;
    seconds: number;
    /** The setting the figure comes from and the AWS behaviour it feeds, or "assumed". */
    source: string;
}

export interface TimelineFigure {
    title: string;
    terms: TimelineTerm[];
    seconds: number;
    /** The figure of the strategy this stack declares (the other one is shown for comparison). */
    declared: boolean;
}

/** Not configurable and not published by AWS: named assumptions, so that a reader can replace them. */
export const assumptions = {
    /** Provisioning, the network interface, pulling the 11.6 MB image and the 27 ms start (docs/performance.md). */
    taskLaunchSeconds: 30,
    /** The load balancer publishes its CloudWatch metrics once a minute. */
    metricDelaySeconds: 60,
    /** The provider polls ECS with a backoff that tops out at 10 s (terraform-plugin-sdk StateChangeConf). */
    providerPollSeconds: 10,
} as const;

export function sum(terms: TimelineTerm[]): number {
    return terms.reduce((total, term) => total + term.seconds, 0);
}

export function figure(title: string, terms: TimelineTerm[], declared: boolean): TimelineFigure {
    return { title, terms, seconds: sum(terms), declared };
}

/** The terms every figure draws on. */
export function commonTerms(f: DeploymentFacts) {
    return {
        launch: {
            name: "a new task launches",
            seconds: assumptions.taskLaunchSeconds,
            source: "assumed: Fargate publishes no launch time",
        },
        healthy: {
            name: `health checks to healthy: ${f.healthyThreshold} passes × ${f.interval} s`,
            seconds: f.healthyThreshold * f.interval,
            source: "target group healthyThreshold × interval",
        },
        drain: {
            name: "the old task drains",
            seconds: f.deregistrationSeconds,
            source: "target group deregistrationDelay",
        },
        stop: { name: "the old task stops (at most)", seconds: f.stopTimeoutSeconds, source: "container stopTimeout" },
        poll: {
            name: "pulumi up notices (at most)",
            seconds: assumptions.providerPollSeconds,
            source: "provider polling backoff, 10 s at most",
        },
        /** From a release that starts failing to ECS acting on it. */
        detection: [
            {
                name: "the alarm goes off",
                seconds: f.alarmDetectionSeconds,
                source: "alarms datapointsToAlarm × period",
            },
            {
                name: "metrics reach CloudWatch",
                seconds: assumptions.metricDelaySeconds,
                source: "assumed: ELB publishes per minute",
            },
        ],
    } satisfies Record<string, TimelineTerm | TimelineTerm[]>;
}

export type CommonTerms = ReturnType<typeof commonTerms>;

/** Replacing the tasks in place: one after the other, or side by side when fewer than all must stay in service. */
export function replacementTerms(f: DeploymentFacts, c: CommonTerms): TimelineTerm[] {
    if (f.minimumHealthyPercent === 100) {
        return [c.launch, c.healthy, c.drain, c.stop];
    }
    const up = c.launch.seconds + c.healthy.seconds;
    const down = c.drain.seconds + c.stop.seconds;
    return [
        {
            name:
                `the longer, side by side: new task in (${c.launch.seconds} launch + ${c.healthy.seconds} health checks ` +
                `= ${up} s) and old task out (${c.drain.seconds} drain + ${c.stop.seconds} stop = ${down} s)`,
            seconds: Math.max(up, down),
            source: `service minimum healthy ${f.minimumHealthyPercent} %, maximum ${f.maximumPercent} %`,
        },
    ];
}
