// The FargateService component alone: a fixed task count and an autoscaled one, in public and private subnets.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import type { ContainerSecrets } from "../../../infra/config/stackSettings";
import { FargateService, FargateServiceArgs } from "../../../infra/service/fargateService";
import { secretPlaceholder } from "../../../tools/mocks/mockEngine";
import { Declared, promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const image = `123456789012.dkr.ecr.us-east-1.amazonaws.com/fargate-service-unit@sha256:${"cd".repeat(32)}`;
const baseArgs: FargateServiceArgs = {
    image,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/fargate-service-unit",
    iamRolePath: "/fargate-service/",
    permissionsBoundaryArn: "",
    version: "3f2a1b0",
    projectName: "fargate-service",
    environment: "unit",
    cpuArchitecture: "X86_64",
    cpu: 256,
    memory: 512,
    containerPort: 8080,
    logLevel: "Information",
    logRetentionDays: 7,
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
    assignPublicIp: true,
    securityGroupId: "sg-0cccccccccccccccc",
    targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef",
    desiredCount: 1,
    scaling: {
        minCount: 1,
        maxCount: 1,
        cpuTargetPercent: 60,
        requestsPerTarget: 1000,
        requestCountLabel: "app/web-alb/0123456789abcdef/targetgroup/web-tg/0123456789abcdef",
    },
    deployment: {
        strategy: "rolling",
        bakeTimeMinutes: 10,
        alarmWindowSeconds: 180,
        minimumHealthyPercent: 100,
        alarmNames: ["unit-5xx-rate", "unit-unhealthy-targets", "unit-p99-latency"],
        rollbackOnAlarm: true,
        blueGreen: undefined,
    },
};

describe("FargateService", () => {
    it("runs the image by digest as the task's one container, with its size and architecture", async () => {
        const declared = await declaredBy(
            new FargateService("size", {
                ...baseArgs,
                environment: "size",
                cpu: 1024,
                memory: 3072,
                cpuArchitecture: "ARM64",
            }),
        );
        const task = declared.one(tokens.taskDefinition).inputs;
        assert.deepEqual(
            [task.cpu, task.memory, task.networkMode, task.requiresCompatibilities],
            ["1024", "3072", "awsvpc", ["FARGATE"]],
        );
        assert.deepEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" });
        assert.equal(declared.container().image, image);
    });

    it("names the family and the log group after the project and environment, and tells the service both", async () => {
        const declared = await declaredBy(
            new FargateService("names", { ...baseArgs, environment: "names", version: "abc1234" }),
        );
        assert.equal(declared.one(tokens.taskDefinition).inputs.family, "fargate-service-names");
        assert.equal(declared.one(tokens.logGroup).inputs.name, "/ecs/fargate-service/names");
        assert.deepEqual(declared.container().environment, [
            { name: "APP_ENVIRONMENT", value: "names" },
            { name: "APP_LOG_LEVEL", value: "Information" },
            { name: "APP_PORT", value: "8080" },
            { name: "APP_SERVICE_NAME", value: "fargate-service" },
            { name: "APP_SHUTDOWN_TIMEOUT_SECONDS", value: "10" },
            { name: "APP_VERSION", value: "abc1234" },
        ]);
    });

    it("drains 10 s on SIGTERM and gives ECS 5 s more before SIGKILL; ships logs with awslogs", async () => {
        const declared = await declaredBy(
            new FargateService("stop", { ...baseArgs, environment: "stop", logRetentionDays: 90 }),
        );
        const logGroup = declared.one(tokens.logGroup);
        assert.equal(declared.container().stopTimeout, 15);
        assert.equal(logGroup.inputs.retentionInDays, 90);
        assert.deepEqual(declared.container().logConfiguration, {
            logDriver: "awslogs",
            options: {
                "awslogs-group": logGroup.outputs.name,
                "awslogs-region": "us-east-1",
                "awslogs-stream-prefix": "app",
            },
        });
    });

    it("mounts a writable /tmp, the only writable path", async () => {
        const declared = await declaredBy(new FargateService("tmp", { ...baseArgs, environment: "tmp" }));
        assert.deepEqual(declared.one(tokens.taskDefinition).inputs.volumes, [{ name: "tmp" }]);
        assert.deepEqual(declared.container().mountPoints, [
            { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
        ]);
    });

    it("deploys new tasks before stopping old ones and waits for steady state", async () => {
        const declared = await declaredBy(new FargateService("deploys", { ...baseArgs, environment: "deploys" }));
        const service = declared.one(tokens.service).inputs;
        assert.deepEqual([service.deploymentMinimumHealthyPercent, service.deploymentMaximumPercent], [100, 200]);
        assert.deepEqual(
            [service.healthCheckGracePeriodSeconds, service.waitForSteadyState, service.launchType],
            [30, true, "FARGATE"],
        );
        assert.deepEqual(declared.one(tokens.cluster).inputs.settings, [
            { name: "containerInsights", value: "enabled" },
        ]);
    });

    it("places tasks in the given subnets and group, with a public IP only when told, behind the target group", async () => {
        for (const assignPublicIp of [true, false]) {
            const declared = await declaredBy(
                new FargateService(`placement-${assignPublicIp}`, {
                    ...baseArgs,
                    environment: `p${assignPublicIp}`,
                    assignPublicIp,
                }),
            );
            const service = declared.one(tokens.service).inputs;
            assert.deepEqual(service.networkConfiguration, {
                subnets: baseArgs.subnetIds,
                securityGroups: [baseArgs.securityGroupId],
                assignPublicIp,
            });
            assert.deepEqual(service.loadBalancers, [
                { targetGroupArn: baseArgs.targetGroupArn, containerName: "app", containerPort: 8080 },
            ]);
        }
    });

    it("starts no task before the execution role's policy exists: the task definition, and so the service, waits for it", async () => {
        const declared = await declaredBy(new FargateService("policy", { ...baseArgs, environment: "policy" }));
        const policy = declared.one(tokens.rolePolicy);
        const execution = declared.all(tokens.role).find((role) => role.id === policy.inputs.role);
        assert.equal(declared.one(tokens.taskDefinition).inputs.executionRoleArn, execution?.outputs.arn);
        assert.ok(declared.one(tokens.taskDefinition).dependencies.includes(policy.urn));
    });

    it("with minCount equal to maxCount has no autoscaling and keeps desiredCount under Pulumi's control", async () => {
        const declared = await declaredBy(
            new FargateService("fixed", {
                ...baseArgs,
                environment: "fixed",
                desiredCount: 2,
                scaling: { ...baseArgs.scaling, minCount: 2, maxCount: 2 },
            }),
        );
        assert.deepEqual(declared.all(tokens.scalingTarget), []);
        assert.deepEqual(declared.one(tokens.service).ignoreChanges, []);
        assert.equal(declared.one(tokens.service).inputs.desiredCount, 2);
    });

    it("with maxCount above minCount scales between them on CPU and requests per task, and leaves the count to it", async () => {
        const declared = await declaredBy(
            new FargateService("scaled", {
                ...baseArgs,
                environment: "scaled",
                desiredCount: 2,
                scaling: {
                    ...baseArgs.scaling,
                    minCount: 2,
                    maxCount: 6,
                    cpuTargetPercent: 50,
                    requestsPerTarget: 500,
                },
            }),
        );
        const target = declared.one(tokens.scalingTarget).inputs;
        const service = declared.one(tokens.service);
        assert.deepEqual(
            [target.minCapacity, target.maxCapacity, target.scalableDimension],
            [2, 6, "ecs:service:DesiredCount"],
        );
        assert.equal(target.resourceId, `service/${declared.one(tokens.cluster).outputs.name}/${service.outputs.name}`);
        const tracking = declared
            .all(tokens.scalingPolicy)
            .map((policy) => policy.inputs.targetTrackingScalingPolicyConfiguration as Record<string, any>);
        assert.deepEqual(
            tracking.map((config) => [config.predefinedMetricSpecification, config.targetValue]),
            [
                [{ predefinedMetricType: "ECSServiceAverageCPUUtilization" }, 50],
                [
                    {
                        predefinedMetricType: "ALBRequestCountPerTarget",
                        resourceLabel: baseArgs.scaling.requestCountLabel,
                    },
                    500,
                ],
            ],
        );
        assert.deepEqual(service.ignoreChanges, ["desiredCount"]);
    });

    it("watches the given alarms during deployments and rolls back on ALARM", async () => {
        const declared = await declaredBy(new FargateService("alarms", { ...baseArgs, environment: "alarms" }));
        assert.deepEqual(declared.one(tokens.service).inputs.alarms, {
            alarmNames: ["unit-5xx-rate", "unit-unhealthy-targets", "unit-p99-latency"],
            enable: true,
            rollback: true,
        });
    });

    it("with rollbackOnAlarm off still declares the alarms, switched off, so that turning them off takes effect", async () => {
        const declared = await declaredBy(
            new FargateService("quiet", {
                ...baseArgs,
                environment: "quiet",
                deployment: { ...baseArgs.deployment, rollbackOnAlarm: false },
            }),
        );
        const alarms = declared.one(tokens.service).inputs.alarms as Record<string, unknown>;
        assert.deepEqual([alarms.enable, alarms.rollback], [false, false]);
        assert.deepEqual(alarms.alarmNames, baseArgs.deployment.alarmNames);
    });

    it("in the fast lane lets ECS stop old tasks while new ones start (0-200 %), still ROLLING", async () => {
        const declared = await declaredBy(
            new FargateService("fast", {
                ...baseArgs,
                environment: "fast",
                deployment: { ...baseArgs.deployment, minimumHealthyPercent: 0 },
            }),
        );
        const service = declared.one(tokens.service).inputs;
        assert.deepEqual([service.deploymentMinimumHealthyPercent, service.deploymentMaximumPercent], [0, 200]);
        assert.deepEqual(service.deploymentConfiguration, { strategy: "ROLLING" });
        assert.deepEqual(declared.all(tokens.role).length, 2);
    });

    it("rolling: gives pulumi up the provider's 20 minutes plus the alarms' window", async () => {
        const declared = await declaredBy(
            new FargateService("rollwait", {
                ...baseArgs,
                environment: "rollwait",
                deployment: { ...baseArgs.deployment, alarmWindowSeconds: 300 },
            }),
        );
        const { create, update } = declared.one(tokens.service).customTimeouts;
        assert.deepEqual([create, update], ["25m", "25m"]);
    });

    const blueGreen = {
        alternateTargetGroupArn: pulumi.output(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-bluegreen-tg/2222222222222222",
        ),
        productionListenerRuleArn: pulumi.output(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/0123456789abcdef/aaaa/bbbb",
        ),
        testListenerRuleArn: pulumi.output(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/0123456789abcdef/aaaa/cccc",
        ),
        productionListenerArn: pulumi.output(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web-alb/0123456789abcdef/aaaa",
        ),
    };

    it("blue/green: deploys BLUE_GREEN with the bake, naming both groups, both rules and ECS's role", async () => {
        const declared = await declaredBy(
            new FargateService("bluegreen", {
                ...baseArgs,
                environment: "bluegreen",
                deployment: { ...baseArgs.deployment, strategy: "blueGreen", bakeTimeMinutes: 15, blueGreen },
            }),
        );
        const service = declared.one(tokens.service);
        assert.deepEqual(service.inputs.deploymentConfiguration, { strategy: "BLUE_GREEN", bakeTimeInMinutes: "15" });
        const role = declared.one(tokens.role, "bluegreen-bluegreen-role");
        assert.deepEqual(service.inputs.loadBalancers, [
            {
                targetGroupArn: baseArgs.targetGroupArn,
                containerName: "app",
                containerPort: 8080,
                advancedConfiguration: {
                    alternateTargetGroupArn: await promiseOf(blueGreen.alternateTargetGroupArn),
                    productionListenerRule: await promiseOf(blueGreen.productionListenerRuleArn),
                    testListenerRule: await promiseOf(blueGreen.testListenerRuleArn),
                    roleArn: role.outputs.arn,
                },
            },
        ]);
        assert.deepEqual([service.customTimeouts.create, service.customTimeouts.update], ["38m", "38m"]);
        assert.ok(
            service.dependencies.includes(declared.one(tokens.rolePolicy, "bluegreen-bluegreen-shift-traffic").urn),
        );
    });

    it("blue/green without the load balancer's targets fails, naming the argument", () => {
        assert.throws(
            () =>
                new FargateService("unrouted", {
                    ...baseArgs,
                    environment: "unrouted",
                    deployment: { ...baseArgs.deployment, strategy: "blueGreen" },
                }),
            /^Error: FargateService: `deployment.blueGreen` is undefined; allowed: the load balancer's blue\/green targets/,
        );
    });
});

describe("FargateService secrets", () => {
    const parameterArn = "arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key";
    const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
    const keyArn = "arn:aws:kms:us-east-1:123456789012:key/01234567-89ab-cdef-0123-456789abcdef";
    const secrets: ContainerSecrets = {
        references: [
            { name: "API_KEY", valueFrom: parameterArn, store: "ssm", resourceArn: parameterArn },
            {
                name: "DB_PASSWORD",
                valueFrom: `${secretArn}:password::`,
                store: "secretsmanager",
                resourceArn: secretArn,
            },
        ],
        owned: [{ name: "WEBHOOK_TOKEN", value: pulumi.secret("token-value-never-recorded") }],
        kmsKeyArn: keyArn,
    };

    /** The execution role's inline policies by name, as parsed documents. */
    function executionPolicies(declared: Declared): Map<string, { Statement: Record<string, unknown>[] }> {
        const roleArn = declared.one(tokens.taskDefinition).inputs.executionRoleArn;
        const role = declared.all(tokens.role).find((candidate) => candidate.outputs.arn === roleArn);
        assert.ok(role);
        return new Map(
            declared
                .where(tokens.rolePolicy, "role", role.id)
                .map((policy) => [policy.name, JSON.parse(String(policy.inputs.policy))]),
        );
    }

    it("hands the container each secret by name and ARN, sorted, never a value", async () => {
        const declared = await declaredBy(new FargateService("secrets", { ...baseArgs, environment: "sec", secrets }));
        const parameter = declared.one(tokens.ssmParameter);
        assert.deepEqual(declared.container().secrets, [
            { name: "API_KEY", valueFrom: parameterArn },
            { name: "DB_PASSWORD", valueFrom: `${secretArn}:password::` },
            { name: "WEBHOOK_TOKEN", valueFrom: parameter.outputs.arn },
        ]);
        assert.doesNotMatch(String(declared.one(tokens.taskDefinition).inputs.containerDefinitions), /token-value/);
        assert.equal(
            declared.container().environment.some((variable: Record<string, string>) => variable.name === "API_KEY"),
            false,
        );
    });

    it("keeps a Pulumi secret in a SecureString parameter of its own, encrypted with the given key", async () => {
        const declared = await declaredBy(new FargateService("owned", { ...baseArgs, environment: "own", secrets }));
        const parameter = declared.one(tokens.ssmParameter).inputs;
        assert.deepEqual(
            [parameter.name, parameter.type, parameter.tier, parameter.keyId, parameter.value],
            ["/fargate-service/own/WEBHOOK_TOKEN", "SecureString", "Standard", keyArn, secretPlaceholder],
        );
    });

    it("lets the execution role read exactly these parameters and secrets, and decrypt only through SSM and Secrets Manager", async () => {
        const declared = await declaredBy(new FargateService("grants", { ...baseArgs, environment: "gr", secrets }));
        const policies = executionPolicies(declared);
        assert.deepEqual([...policies.keys()].sort(), ["grants-roles-execution", "grants-roles-execution-secrets"]);
        assert.deepEqual(policies.get("grants-roles-execution-secrets")?.Statement, [
            {
                Sid: "ReadServiceParameters",
                Effect: "Allow",
                Action: "ssm:GetParameters",
                Resource: [parameterArn, declared.one(tokens.ssmParameter).outputs.arn],
            },
            {
                Sid: "ReadServiceSecrets",
                Effect: "Allow",
                Action: "secretsmanager:GetSecretValue",
                Resource: [secretArn],
            },
            {
                Sid: "DecryptServiceSecrets",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: keyArn,
                Condition: {
                    StringEquals: {
                        "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"],
                    },
                },
            },
        ]);
        // The image pull and log statements stay as they were; the task role still has nothing.
        assert.equal(policies.get("grants-roles-execution")?.Statement.length, 3);
        const taskRoleArn = declared.one(tokens.taskDefinition).inputs.taskRoleArn;
        const taskRole = declared.all(tokens.role).find((candidate) => candidate.outputs.arn === taskRoleArn);
        assert.deepEqual(declared.where(tokens.rolePolicy, "role", taskRole?.id), []);
    });

    it("grants no kms:Decrypt for the AWS managed keys, and only what is referenced", async () => {
        const declared = await declaredBy(
            new FargateService("managed-keys", {
                ...baseArgs,
                environment: "mk",
                secrets: { references: [secrets.references[1]], owned: [], kmsKeyArn: undefined },
            }),
        );
        assert.deepEqual(executionPolicies(declared).get("managed-keys-roles-execution-secrets")?.Statement, [
            {
                Sid: "ReadServiceSecrets",
                Effect: "Allow",
                Action: "secretsmanager:GetSecretValue",
                Resource: [secretArn],
            },
        ]);
        assert.deepEqual(declared.all(tokens.ssmParameter), []);
    });

    it("without secrets, passes none and grants nothing more", async () => {
        const cases: [string, ContainerSecrets | undefined][] = [
            ["unset", undefined],
            ["empty", { references: [], owned: [], kmsKeyArn: keyArn }],
        ];
        for (const [label, none] of cases) {
            const declared = await declaredBy(
                new FargateService(`no-secrets-${label}`, { ...baseArgs, environment: label, secrets: none }),
            );
            assert.equal("secrets" in declared.container(), false);
            assert.deepEqual([...executionPolicies(declared).keys()], [`no-secrets-${label}-roles-execution`]);
        }
    });
});
