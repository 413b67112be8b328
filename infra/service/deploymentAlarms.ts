// The alarms that judge a release by what its users see, beyond the circuit breaker's "did the tasks start": 5xx
// answers, unhealthy targets and slow answers. ECS watches them during a deployment and rolls back on ALARM.
// Metrics and dimensions: Elastic Load Balancing's "CloudWatch metrics for your Application Load Balancer".
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AlarmTopic } from "./alarmTopic";

export interface AlarmThresholds {
    /** 5xx answers as a percentage of requests. */
    errorPercent: number;
    /** Requests a period needs before its 5xx rate counts. */
    minRequests: number;
    latencyP99Ms: number;
    unhealthyTargets: number;
    periodSeconds: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
}

export interface DeploymentAlarmsArgs extends AlarmThresholds {
    /** The alarms are named <prefix>-5xx-rate and so on, e.g. "fargate-service-prod". */
    namePrefix: string;
    /** The `LoadBalancer` dimension; the load balancer serves only this service, so its totals are the service's. */
    loadBalancerArnSuffix: pulumi.Input<string>;
    /** The `TargetGroup` dimension of each group the tasks may be in. */
    targetGroupArnSuffixes: pulumi.Input<pulumi.Input<string>[]>;
    /** Subscribed to the alarms' topic; "" for none. */
    email: string;
}

const namespace = "AWS/ApplicationELB";

export class DeploymentAlarms extends pulumi.ComponentResource {
    /** What the ECS service's deployment configuration watches. */
    public readonly alarmNames: pulumi.Output<string[]>;
    public readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: DeploymentAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:DeploymentAlarms", name, {}, opts);
        const topic = new AlarmTopic(
            `${name}-topic`,
            { alarmNamePrefix: `${args.namePrefix}-`, email: args.email },
            { parent: this },
        );
        const loadBalancer = { LoadBalancer: args.loadBalancerArnSuffix };
        const sum = (id: string, metricName: string) => ({
            id,
            returnData: false,
            metric: { namespace, metricName, dimensions: loadBalancer, period: args.periodSeconds, stat: "Sum" },
        });
        // Shared by all three: a period without data (no traffic) is not a failing one; OK is reported too.
        const common = {
            evaluationPeriods: args.evaluationPeriods,
            datapointsToAlarm: args.datapointsToAlarm,
            treatMissingData: "notBreaching",
            alarmActions: [topic.topicArn],
            okActions: [topic.topicArn],
        };

        // 5xx answers per request, the tasks' own and those the load balancer sends for them (a task that crashes
        // or hangs shows up as ELB 502/504). Quiet periods count as 0 %.
        const errors = new aws.cloudwatch.MetricAlarm(
            `${name}-5xx-rate`,
            {
                name: `${args.namePrefix}-5xx-rate`,
                alarmDescription: `5xx answers above ${args.errorPercent} % of requests (periods of at least ${args.minRequests} requests)`,
                comparisonOperator: "GreaterThanThreshold",
                threshold: args.errorPercent,
                metricQueries: [
                    sum("target5xx", "HTTPCode_Target_5XX_Count"),
                    sum("elb5xx", "HTTPCode_ELB_5XX_Count"),
                    sum("requests", "RequestCount"),
                    {
                        id: "rate",
                        label: "5xx answers, % of requests",
                        returnData: true,
                        expression:
                            `IF(FILL(requests, 0) >= ${args.minRequests}, ` +
                            "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / FILL(requests, 0), 0)",
                    },
                ],
                ...common,
            },
            { parent: this },
        );

        // Unhealthy targets in whichever group holds them; a group without targets reports nothing and counts as 0.
        const unhealthy = new aws.cloudwatch.MetricAlarm(
            `${name}-unhealthy-targets`,
            {
                name: `${args.namePrefix}-unhealthy-targets`,
                alarmDescription: `${args.unhealthyTargets} or more unhealthy targets`,
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                threshold: args.unhealthyTargets,
                metricQueries: pulumi.output(args.targetGroupArnSuffixes).apply((suffixes) => [
                    ...suffixes.map((targetGroup, i) => ({
                        id: `group${i}`,
                        returnData: false,
                        metric: {
                            namespace,
                            metricName: "UnHealthyHostCount",
                            dimensions: { ...loadBalancer, TargetGroup: targetGroup },
                            period: args.periodSeconds,
                            stat: "Maximum",
                        },
                    })),
                    {
                        id: "unhealthy",
                        label: "unhealthy targets",
                        returnData: true,
                        expression: `MAX([${suffixes.map((_, i) => `FILL(group${i}, 0)`).join(", ")}])`,
                    },
                ]),
                ...common,
            },
            { parent: this },
        );

        // The slowest 1 % of answers. Periods with too few samples for a meaningful p99 keep the alarm's state.
        const latency = new aws.cloudwatch.MetricAlarm(
            `${name}-p99-latency`,
            {
                name: `${args.namePrefix}-p99-latency`,
                alarmDescription: `p99 target response time above ${args.latencyP99Ms} ms`,
                namespace,
                metricName: "TargetResponseTime",
                dimensions: loadBalancer,
                extendedStatistic: "p99",
                period: args.periodSeconds,
                comparisonOperator: "GreaterThanThreshold",
                threshold: args.latencyP99Ms / 1000,
                evaluateLowSampleCountPercentiles: "ignore",
                ...common,
            },
            { parent: this },
        );

        this.alarmNames = pulumi.all([errors.name, unhealthy.name, latency.name]);
        this.topicArn = topic.topicArn;
        this.registerOutputs({ alarmNames: this.alarmNames, topicArn: this.topicArn });
    }
}
