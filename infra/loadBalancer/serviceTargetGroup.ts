// How a target group of the service's tasks is set up. One function for both groups of a blue/green pair: ECS moves
// the service between them, so they must register, check and drain tasks the same way.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface ServiceTargetGroupSettings {
    vpcId: pulumi.Input<string>;
    containerPort: pulumi.Input<number>;
    healthCheckPath: pulumi.Input<string>;
    deregistrationDelaySeconds: pulumi.Input<number>;
}

/**
 * The tasks, registered by IP as Fargate requires. A 10 s check and 2 passes put a new task in service in about
 * 20 s; the short deregistration delay keeps every deploy from waiting out the 300 s AWS default.
 */
export function serviceTargetGroupArgs(settings: ServiceTargetGroupSettings): aws.lb.TargetGroupArgs {
    return {
        targetType: "ip",
        protocol: "HTTP",
        port: settings.containerPort,
        vpcId: settings.vpcId,
        deregistrationDelay: settings.deregistrationDelaySeconds,
        healthCheck: {
            protocol: "HTTP",
            path: settings.healthCheckPath,
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        },
    };
}
