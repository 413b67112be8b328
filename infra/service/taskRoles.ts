// The two identities of a task: ECS's (pull the image, write logs) and the service code's (no permissions).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecretGrants, secretReadPolicy } from "./secrets";

export interface TaskRolesArgs {
    /** The only repository the execution role may pull from. */
    repositoryArn: pulumi.Input<string>;
    /** The only log group the execution role may write to. */
    logGroupArn: pulumi.Input<string>;
    /** IAM path of both roles, e.g. /fargate-service/: deploy roles may be limited to roles under a path. */
    path: pulumi.Input<string>;
    /** A permissions boundary both roles carry, where deploy roles may only create roles that carry it; "" for none. */
    permissionsBoundaryArn: pulumi.Input<string>;
    /** The parameters and secrets the container receives, which the execution role may read; unset for none. */
    secrets?: SecretGrants;
}

export class TaskRoles extends pulumi.ComponentResource {
    /** Resolves only once the role's policy exists: ECS refuses an image pull or a log write the role may not make. */
    public readonly executionRoleArn: pulumi.Output<string>;
    public readonly taskRoleArn: pulumi.Output<string>;

    constructor(name: string, args: TaskRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:TaskRoles", name, {}, opts);

        // Only ECS tasks of this account may assume the roles (the account condition blocks confused deputies).
        const account = aws.getCallerIdentityOutput({}, { parent: this });
        const placement = {
            path: args.path,
            permissionsBoundary: pulumi
                .output(args.permissionsBoundaryArn)
                .apply((arn) => (arn === "" ? undefined : arn)),
        };
        const assumedByEcsTasks = pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "ecs-tasks.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": account.accountId } },
                },
            ],
        });

        // Used by ECS itself to start a task: pull this stack's image and write to this stack's log group.
        const execution = new aws.iam.Role(
            `${name}-execution`,
            {
                description: "ECS task execution: pull the service image, write the service logs",
                assumeRolePolicy: assumedByEcsTasks,
                ...placement,
            },
            { parent: this },
        );
        // Scoped to one repository and one log group, where the managed AmazonECSTaskExecutionRolePolicy allows all.
        const executionPolicy = new aws.iam.RolePolicy(
            `${name}-execution`,
            {
                role: execution.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "RegistryLogin",
                            Effect: "Allow",
                            // GetAuthorizationToken has no resource-level permissions; it grants nothing on its own.
                            Action: "ecr:GetAuthorizationToken",
                            Resource: "*",
                        },
                        {
                            Sid: "PullServiceImage",
                            Effect: "Allow",
                            Action: [
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchGetImage",
                            ],
                            Resource: args.repositoryArn,
                        },
                        {
                            Sid: "WriteServiceLogs",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`${args.logGroupArn}:log-stream:*`,
                        },
                    ],
                }),
            },
            { parent: this },
        );

        if (args.secrets !== undefined) {
            // Exactly the container's parameters and secrets, in a policy of its own so that it exists only with them.
            new aws.iam.RolePolicy(
                `${name}-execution-secrets`,
                { role: execution.id, policy: secretReadPolicy(args.secrets) },
                { parent: this },
            );
        }

        // The identity of the service's own code. It calls no AWS API, so it is granted nothing.
        const task = new aws.iam.Role(
            `${name}-task`,
            {
                description: "Service code: no AWS permissions",
                assumeRolePolicy: assumedByEcsTasks,
                ...placement,
            },
            { parent: this },
        );

        // The task definition, and through it the service, takes the ARN from here: so no task starts before the
        // policy that lets it pull its image and write its logs.
        this.executionRoleArn = pulumi.all([execution.arn, executionPolicy.id]).apply(([arn]) => arn);
        this.taskRoleArn = task.arn;
        this.registerOutputs({ executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn });
    }
}
