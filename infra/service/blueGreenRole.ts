// The identity ECS uses to shift the load balancer during a blue/green deployment: register the new revision's tasks
// in the alternate group and move the listener rules' weights. Only this stack's groups, rules and listener.
// The calls are those of the AWS managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers (v6, 2026-02-12,
// AWS Managed Policy Reference Guide); the managed policy grants them on every load balancer of the account.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface BlueGreenRoleArgs {
    /** The two target groups of the pair. */
    targetGroupArns: pulumi.Input<pulumi.Input<string>[]>;
    /** The production and test listener rules. */
    listenerRuleArns: pulumi.Input<pulumi.Input<string>[]>;
    productionListenerArn: pulumi.Input<string>;
    /** Placed like the task roles, where deploy roles may only create roles under a path with a boundary. */
    path: pulumi.Input<string>;
    permissionsBoundaryArn: pulumi.Input<string>;
}

export class BlueGreenRole extends pulumi.ComponentResource {
    public readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: BlueGreenRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:BlueGreenRole", name, {}, opts);

        // Trusted by ECS itself, as the ECS developer guide's "Amazon ECS infrastructure IAM role for load balancers"
        // shows it. Only a principal allowed iam:PassRole on it can hand it to ECS, and it reaches only this stack.
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                description: "ECS blue/green deployments: shift this stack's listener rules between its target groups",
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Principal: { Service: "ecs.amazonaws.com" },
                            Action: "sts:AssumeRole",
                        },
                    ],
                }),
                path: args.path,
                permissionsBoundary: pulumi
                    .output(args.permissionsBoundaryArn)
                    .apply((arn) => (arn === "" ? undefined : arn)),
            },
            { parent: this },
        );
        // The managed policy's statements, each narrowed from every load balancer to this stack's resources.
        const policy = new aws.iam.RolePolicy(
            `${name}-shift-traffic`,
            {
                role: role.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "ReadTheLoadBalancer",
                            Effect: "Allow",
                            // Describe calls have no resource-level permissions in Elastic Load Balancing.
                            Action: [
                                "elasticloadbalancing:DescribeListeners",
                                "elasticloadbalancing:DescribeRules",
                                "elasticloadbalancing:DescribeTargetGroups",
                                "elasticloadbalancing:DescribeTargetHealth",
                            ],
                            Resource: "*",
                        },
                        {
                            Sid: "RegisterTasksInTheStacksTargetGroups",
                            Effect: "Allow",
                            Action: ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                            Resource: args.targetGroupArns,
                        },
                        {
                            Sid: "ShiftTheStacksListenerRules",
                            Effect: "Allow",
                            Action: "elasticloadbalancing:ModifyRule",
                            Resource: args.listenerRuleArns,
                        },
                        {
                            Sid: "ModifyTheProductionListener",
                            Effect: "Allow",
                            Action: "elasticloadbalancing:ModifyListener",
                            Resource: args.productionListenerArn,
                        },
                    ],
                }),
            },
            { parent: this },
        );

        // ECS assumes the role as soon as the service is created: its policy must exist by then.
        this.roleArn = pulumi.all([role.arn, policy.id]).apply(([arn]) => arn);
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
