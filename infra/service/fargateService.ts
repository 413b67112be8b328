// The running service: cluster, logs, task identities, task definition, ECS service and its autoscaling.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ScalingSettings, ServiceAutoscaling } from "./autoscaling";
import type { ContainerSecrets } from "../config/stackSettings";
import { containerDefinitions, containerName, scratchVolume } from "./container";
import { ServiceSecrets } from "./secrets";
import { DeploymentSettings, serviceDeployment } from "./serviceDeployment";
import { TaskRoles } from "./taskRoles";

export interface FargateServiceArgs {
    /** The image by digest (repository@sha256:...). */
    image: pulumi.Input<string>;
    repositoryArn: pulumi.Input<string>;
    /** IAM path and permissions boundary ("" for none) of the task roles. */
    iamRolePath: pulumi.Input<string>;
    permissionsBoundaryArn: pulumi.Input<string>;
    /** Passed to the service as APP_VERSION (the git commit SHA the image was built from). */
    version: pulumi.Input<string>;
    /** The Pulumi project and stack: passed as APP_SERVICE_NAME and APP_ENVIRONMENT, and they name the log group
     * and the task definition family. */
    projectName: pulumi.Input<string>;
    environment: pulumi.Input<string>;
    cpuArchitecture: pulumi.Input<"X86_64" | "ARM64">;
    cpu: pulumi.Input<number>;
    memory: pulumi.Input<number>;
    containerPort: pulumi.Input<number>;
    logLevel: pulumi.Input<string>;
    logRetentionDays: pulumi.Input<number>;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** As the network decides: only in public subnets without NAT, where it is the tasks' only way to ECR. */
    assignPublicIp: pulumi.Input<boolean>;
    securityGroupId: pulumi.Input<string>;
    targetGroupArn: pulumi.Input<string>;
    desiredCount: pulumi.Input<number>;
    /** Autoscaling exists only when maxCount > minCount. */
    scaling: ScalingSettings;
    /** Variables the container reads from SSM Parameter Store or Secrets Manager; unset for none. */
    secrets?: ContainerSecrets;
    /** Rolling or blue/green, and the alarms that roll a deployment back. */
    deployment: DeploymentSettings;
}

/** Failing health checks while a new task's runtime starts do not count against it for this long. */
const healthCheckGracePeriodSeconds = 30;

export class FargateService extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly serviceName: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;
    /** The revision this update declared, which the deploy check expects the primary deployment to run. */
    public readonly taskDefinitionArn: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:FargateService", name, {}, opts);
        const autoscaled = args.scaling.maxCount > args.scaling.minCount;
        // First, as it checks `deployment` before anything is declared.
        const deployment = serviceDeployment(
            name,
            args.deployment,
            {
                targetGroupArn: args.targetGroupArn,
                containerName,
                containerPort: args.containerPort,
                iamRolePath: args.iamRolePath,
                permissionsBoundaryArn: args.permissionsBoundaryArn,
            },
            this,
        );

        // The container's stdout and stderr, kept for the configured number of days.
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            {
                name: pulumi.interpolate`/ecs/${args.projectName}/${args.environment}`,
                retentionInDays: args.logRetentionDays,
            },
            { parent: this },
        );
        const secrets =
            args.secrets === undefined || args.secrets.references.length + args.secrets.owned.length === 0
                ? undefined
                : new ServiceSecrets(
                      `${name}-secrets`,
                      { secrets: args.secrets, projectName: args.projectName, environment: args.environment },
                      { parent: this },
                  );
        const roles = new TaskRoles(
            `${name}-roles`,
            {
                repositoryArn: args.repositoryArn,
                logGroupArn: logGroup.arn,
                path: args.iamRolePath,
                permissionsBoundaryArn: args.permissionsBoundaryArn,
                secrets: secrets?.grants,
            },
            { parent: this },
        );
        // Container Insights adds per-task CPU, memory and network metrics.
        const cluster = new aws.ecs.Cluster(
            `${name}-cluster`,
            {
                settings: [{ name: "containerInsights", value: "enabled" }],
            },
            { parent: this },
        );

        // The task: Fargate, its own network interface, the configured size and CPU architecture, one container.
        const taskDefinition = new aws.ecs.TaskDefinition(
            `${name}-task`,
            {
                family: pulumi.interpolate`${args.projectName}-${args.environment}`,
                requiresCompatibilities: ["FARGATE"],
                networkMode: "awsvpc",
                cpu: pulumi.output(args.cpu).apply(String),
                memory: pulumi.output(args.memory).apply(String),
                runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture },
                executionRoleArn: roles.executionRoleArn,
                taskRoleArn: roles.taskRoleArn,
                volumes: [{ name: scratchVolume }],
                containerDefinitions: containerDefinitions({
                    image: args.image,
                    containerPort: args.containerPort,
                    environment: args.environment,
                    projectName: args.projectName,
                    version: args.version,
                    logLevel: args.logLevel,
                    logGroupName: logGroup.name,
                    logRegion: logGroup.region,
                    secrets: secrets?.containerSecrets,
                }),
            },
            { parent: this },
        );

        // Keeps the desired number of tasks behind the load balancer; deploys as serviceDeployment.ts decides.
        const service = new aws.ecs.Service(
            `${name}-service`,
            {
                cluster: cluster.arn,
                taskDefinition: taskDefinition.arn,
                launchType: "FARGATE",
                desiredCount: args.desiredCount,
                ...deployment.args,
                healthCheckGracePeriodSeconds,
                networkConfiguration: {
                    subnets: args.subnetIds,
                    securityGroups: [args.securityGroupId],
                    assignPublicIp: args.assignPublicIp,
                },
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                // `pulumi up` reports whether the new tasks turned healthy, not just that ECS accepted the change.
                waitForSteadyState: true,
            },
            {
                parent: this,
                // Autoscaling owns the task count; without this every `pulumi up` would reset it to desiredCount.
                ignoreChanges: autoscaled ? ["desiredCount"] : [],
                customTimeouts: deployment.customTimeouts,
            },
        );

        if (autoscaled) {
            new ServiceAutoscaling(
                `${name}-scaling`,
                { ...args.scaling, clusterName: cluster.name, serviceName: service.name },
                { parent: this },
            );
        }

        this.clusterName = cluster.name;
        this.serviceName = service.name;
        this.logGroupName = logGroup.name;
        this.taskDefinitionArn = taskDefinition.arn;
        this.registerOutputs({
            clusterName: this.clusterName,
            serviceName: this.serviceName,
            logGroupName: this.logGroupName,
            taskDefinitionArn: this.taskDefinitionArn,
        });
    }
}
