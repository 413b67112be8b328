// What ECS's native blue/green deployments need on the load balancer: a second target group for the new revision, a
// production rule that forwards to both groups by weight, and a test rule that reaches the new revision before it
// takes production traffic. ECS moves the weights during a deployment, through the role in service/.
// Source: the ECS developer guide, "Application Load Balancer resources for blue/green, linear, and canary deployments"
// (docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTargetGroupArgs, ServiceTargetGroupSettings } from "./serviceTargetGroup";

export interface BlueGreenRoutingArgs extends ServiceTargetGroupSettings {
    /** The listener that forwards to the tasks: HTTPS when it is on, else HTTP. */
    productionListenerArn: pulumi.Input<string>;
    /** The group the service starts in (blue); the component adds the other (green). */
    primaryTargetGroupArn: pulumi.Input<string>;
}

/**
 * Requests carrying this header reach the revision being deployed while its test traffic is routed, on the same
 * listener and port as everyone else: no port, certificate or security group rule is added for it.
 */
export const testTrafficHeader = { name: "X-Release-Candidate", value: "true" } as const;

/** Rules are evaluated lowest first: the header rule must come before the catch-all production rule. */
const testRulePriority = 10;
const productionRulePriority = 20;

export class BlueGreenRouting extends pulumi.ComponentResource {
    public readonly alternateTargetGroupArn: pulumi.Output<string>;
    public readonly alternateTargetGroupArnSuffix: pulumi.Output<string>;
    public readonly productionListenerRuleArn: pulumi.Output<string>;
    public readonly testListenerRuleArn: pulumi.Output<string>;

    constructor(name: string, args: BlueGreenRoutingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:BlueGreenRouting", name, {}, opts);

        // The green half of the pair: set up exactly as the primary group, as ECS alternates between the two.
        const alternate = new aws.lb.TargetGroup(`${name}-tg`, serviceTargetGroupArgs(args), { parent: this });

        // ECS owns the forward weights once it has deployed: it rewrites them on every shift. Declared weights apply
        // at creation only; `pulumi up` must never put production back on a group that ECS has emptied.
        const ecsOwnsTheWeights = { parent: this, ignoreChanges: ["actions"] };
        // Every request goes to the primary group until ECS shifts it to the other.
        const production = new aws.lb.ListenerRule(
            `${name}-production`,
            {
                listenerArn: args.productionListenerArn,
                priority: productionRulePriority,
                conditions: [{ pathPattern: { values: ["/*"] } }],
                actions: [
                    {
                        type: "forward",
                        forward: {
                            targetGroups: [
                                { arn: args.primaryTargetGroupArn, weight: 100 },
                                { arn: alternate.arn, weight: 0 },
                            ],
                        },
                    },
                ],
            },
            ecsOwnsTheWeights,
        );
        // The candidate revision for requests that ask for it; outside a deployment its group has no targets and the
        // load balancer answers 503.
        const test = new aws.lb.ListenerRule(
            `${name}-test`,
            {
                listenerArn: args.productionListenerArn,
                priority: testRulePriority,
                conditions: [
                    { httpHeader: { httpHeaderName: testTrafficHeader.name, values: [testTrafficHeader.value] } },
                ],
                actions: [{ type: "forward", forward: { targetGroups: [{ arn: alternate.arn, weight: 100 }] } }],
            },
            ecsOwnsTheWeights,
        );

        // ECS rejects a target group that no rule forwards to, so the group's ARN resolves only once both rules exist.
        this.alternateTargetGroupArn = pulumi.all([alternate.arn, production.arn, test.arn]).apply(([arn]) => arn);
        this.alternateTargetGroupArnSuffix = alternate.arnSuffix;
        this.productionListenerRuleArn = production.arn;
        this.testListenerRuleArn = test.arn;
        this.registerOutputs({
            alternateTargetGroupArn: this.alternateTargetGroupArn,
            productionListenerRuleArn: this.productionListenerRuleArn,
            testListenerRuleArn: this.testListenerRuleArn,
        });
    }
}
