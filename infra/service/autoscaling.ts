// Keeps the task count between min and max by tracking CPU and requests per task.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** How a service scales; the counts are plain values, as they decide whether autoscaling exists at all. */
export interface ScalingSettings {
    minCount: number;
    maxCount: number;
    /** Average CPU utilisation (%) to hold. */
    cpuTargetPercent: pulumi.Input<number>;
    /** Requests per task per minute to hold. */
    requestsPerTarget: pulumi.Input<number>;
    /** "<load balancer ARN suffix>/<target group ARN suffix>", which names the request-count metric. */
    requestCountLabel: pulumi.Input<string>;
}

export interface ServiceAutoscalingArgs extends ScalingSettings {
    clusterName: pulumi.Input<string>;
    serviceName: pulumi.Input<string>;
}

/** Scale out within a minute of load; scale in only after five quiet minutes, so short dips do not flap. */
const scaleOutCooldownSeconds = 60;
const scaleInCooldownSeconds = 300;

export class ServiceAutoscaling extends pulumi.ComponentResource {
    constructor(name: string, args: ServiceAutoscalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:ServiceAutoscaling", name, {}, opts);

        // The service's desired count, handed to Application Auto Scaling within [min, max].
        const target = new aws.appautoscaling.Target(
            `${name}-target`,
            {
                serviceNamespace: "ecs",
                scalableDimension: "ecs:service:DesiredCount",
                resourceId: pulumi.interpolate`service/${args.clusterName}/${args.serviceName}`,
                minCapacity: args.minCount,
                maxCapacity: args.maxCount,
            },
            { parent: this },
        );

        const policies = [
            { suffix: "cpu", metric: "ECSServiceAverageCPUUtilization", targetValue: args.cpuTargetPercent },
            {
                suffix: "requests",
                metric: "ALBRequestCountPerTarget",
                targetValue: args.requestsPerTarget,
                resourceLabel: args.requestCountLabel,
            },
        ];
        for (const policy of policies) {
            // Target tracking on one metric; whichever policy asks for more tasks wins.
            new aws.appautoscaling.Policy(
                `${name}-${policy.suffix}`,
                {
                    policyType: "TargetTrackingScaling",
                    serviceNamespace: target.serviceNamespace,
                    scalableDimension: target.scalableDimension,
                    resourceId: target.resourceId,
                    targetTrackingScalingPolicyConfiguration: {
                        targetValue: policy.targetValue,
                        predefinedMetricSpecification: {
                            predefinedMetricType: policy.metric,
                            resourceLabel: policy.resourceLabel,
                        },
                        scaleOutCooldown: scaleOutCooldownSeconds,
                        scaleInCooldown: scaleInCooldownSeconds,
                    },
                },
                { parent: this },
            );
        }

        this.registerOutputs({ scalableTargetId: target.resourceId });
    }
}
