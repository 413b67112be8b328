// How the ECS service deploys a new task definition: rolling or blue/green, the failure signals that roll it back,
// and how long `pulumi up` may wait for it. Field names: pulumi-aws 7.48 ecs.Service (deploymentConfiguration,
// alarms, loadBalancers[].advancedConfiguration), which map onto the ECS API's DeploymentConfiguration,
// DeploymentAlarms and AdvancedConfiguration (botocore's ecs service-2.json).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { deploymentMaximumPercent } from "../config/subnetLayout";
import type { BlueGreenTargets } from "../loadBalancer/loadBalancer";
import { BlueGreenRole } from "./blueGreenRole";

export interface DeploymentSettings {
    /** Plain values: they decide whether the blue/green role exists and how long `pulumi up` may wait. */
    strategy: "rolling" | "blueGreen";
    bakeTimeMinutes: number;
    /** The longest alarm window (evaluation periods × period): ECS keeps watching the alarms about this long. */
    alarmWindowSeconds: number;
    minimumHealthyPercent: pulumi.Input<number>;
    alarmNames: pulumi.Input<pulumi.Input<string>[]>;
    rollbackOnAlarm: pulumi.Input<boolean>;
    /** The load balancer's blue/green pieces; required with strategy blueGreen. */
    blueGreen: BlueGreenTargets | undefined;
}

export interface DeploymentTarget {
    targetGroupArn: pulumi.Input<string>;
    containerName: string;
    containerPort: pulumi.Input<number>;
    /** Placement of the blue/green role, like the task roles'. */
    iamRolePath: pulumi.Input<string>;
    permissionsBoundaryArn: pulumi.Input<string>;
}

/** The provider's own limit for creating or updating a service (terraform-provider-aws, ecs/service.go). */
const providerTimeoutMinutes = 20;

export interface ServiceDeployment {
    args: Pick<
        aws.ecs.ServiceArgs,
        | "deploymentMinimumHealthyPercent"
        | "deploymentMaximumPercent"
        | "deploymentCircuitBreaker"
        | "alarms"
        | "deploymentConfiguration"
        | "loadBalancers"
    >;
    /** `pulumi up` waits through the bake and the alarms' watch, which the provider's 20 minutes may not cover. */
    customTimeouts: pulumi.CustomTimeouts;
}

export function serviceDeployment(
    name: string,
    settings: DeploymentSettings,
    target: DeploymentTarget,
    parent: pulumi.Resource,
): ServiceDeployment {
    const blueGreen = settings.strategy === "blueGreen" ? settings.blueGreen : undefined;
    if (settings.strategy === "blueGreen" && blueGreen === undefined) {
        throw new Error(
            "FargateService: `deployment.blueGreen` is undefined; allowed: the load balancer's blue/green targets " +
                "(LoadBalancer.blueGreen) whenever `deployment.strategy` is blueGreen",
        );
    }
    const role =
        blueGreen === undefined
            ? undefined
            : new BlueGreenRole(
                  `${name}-bluegreen`,
                  {
                      targetGroupArns: [target.targetGroupArn, blueGreen.alternateTargetGroupArn],
                      listenerRuleArns: [blueGreen.productionListenerRuleArn, blueGreen.testListenerRuleArn],
                      productionListenerArn: blueGreen.productionListenerArn,
                      path: target.iamRolePath,
                      permissionsBoundaryArn: target.permissionsBoundaryArn,
                  },
                  { parent },
              );
    const waitMinutes =
        providerTimeoutMinutes +
        (blueGreen === undefined ? 0 : settings.bakeTimeMinutes) +
        Math.ceil(settings.alarmWindowSeconds / 60);
    return {
        args: {
            // Rolling: start the new tasks before stopping old ones, keeping minimumHealthyPercent in service. The
            // dedicated VPC's subnets are sized for deploymentMaximumPercent tasks at once (config/subnetLayout.ts).
            deploymentMinimumHealthyPercent: settings.minimumHealthyPercent,
            deploymentMaximumPercent,
            // Tasks that never turn healthy fail the deployment and ECS rolls it back.
            deploymentCircuitBreaker: { enable: true, rollback: true },
            // Declared even when off: the provider ignores a removed alarms block and would leave the old one active.
            alarms: {
                alarmNames: settings.alarmNames,
                enable: settings.rollbackOnAlarm,
                rollback: settings.rollbackOnAlarm,
            },
            // Declared for rolling too: the strategy is optional and computed, so leaving it out would keep BLUE_GREEN.
            deploymentConfiguration:
                blueGreen === undefined
                    ? { strategy: "ROLLING" }
                    : { strategy: "BLUE_GREEN", bakeTimeInMinutes: String(settings.bakeTimeMinutes) },
            loadBalancers: [
                {
                    targetGroupArn: target.targetGroupArn,
                    containerName: target.containerName,
                    containerPort: target.containerPort,
                    ...(blueGreen === undefined || role === undefined
                        ? {}
                        : {
                              advancedConfiguration: {
                                  alternateTargetGroupArn: blueGreen.alternateTargetGroupArn,
                                  productionListenerRule: blueGreen.productionListenerRuleArn,
                                  testListenerRule: blueGreen.testListenerRuleArn,
                                  roleArn: role.roleArn,
                              },
                          }),
                },
            ],
        },
        customTimeouts: { create: `${waitMinutes}m`, update: `${waitMinutes}m` },
    };
}
