// The dev stack (Pulumi.yaml + Pulumi.dev.yaml) as the program declares it, run under mocked providers.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { coreResourceCounts, describeOutputs, resourceCounts } from "./stackOutputs";
import { describeSecurityPolicies } from "./securityPolicies";
import { StackRun, runStack, testImageTag, tokens } from "./stackRun";

let stack: StackRun;
before(async () => {
    stack = await runStack("dev");
});

describe("dev resource graph", () => {
    it("declares exactly the core resources: no network of its own, no autoscaling", () => {
        assert.deepEqual(resourceCounts(stack), coreResourceCounts);
    });

    it("nests every resource under a component of the stack", () => {
        const components = new Set(
            stack.resources.filter((resource) => !resource.custom).map((resource) => resource.urn),
        );
        for (const resource of stack.resources.filter((candidate) => candidate.type !== "pulumi:pulumi:Stack")) {
            assert.ok(
                resource.parent !== undefined && components.has(resource.parent),
                `${resource.name} has a component parent`,
            );
        }
    });
});

describeSecurityPolicies(() => stack, { containerPort: 8080, publicPorts: [80], buildsImage: true });

describe("ImageRegistry (dev)", () => {
    it("owns a repository named after project and stack that dev may delete with its images", () => {
        const repository = stack.one(tokens.repository).inputs;
        assert.equal(repository.name, "fargate-service-dev");
        assert.equal(repository.forceDelete, true);
    });

    it("expires untagged images after a day and keeps the last 20 tagged ones", () => {
        const policy = JSON.parse(String(stack.one(tokens.lifecyclePolicy).inputs.policy)) as {
            rules: Record<string, any>[];
        };
        assert.deepEqual(
            policy.rules.map((rule) => [rule.rulePriority, rule.selection, rule.action.type]),
            [
                [
                    1,
                    { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
                    "expire",
                ],
                [
                    2,
                    { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: 20 },
                    "expire",
                ],
            ],
        );
    });

    it("builds app/Dockerfile from the repository root for linux/amd64, tagged and versioned with the commit, no cache source", () => {
        const image = stack.one(tokens.image).inputs;
        assert.deepEqual(image.build, {
            context: ".",
            dockerfile: "app/Dockerfile",
            platform: "linux/amd64",
            args: { COMMIT_SHA: testImageTag, BUILDKIT_INLINE_CACHE: "1" },
        });
        assert.equal(image.imageName, `${stack.one(tokens.repository).outputs.repositoryUrl}:${testImageTag}`);
    });

    it("pushes with a token from ecr.getAuthorizationToken", () => {
        assert.ok(stack.invoked("aws:ecr/getAuthorizationToken:getAuthorizationToken"));
    });
});

describe("Network (dev)", () => {
    it("uses the account's default VPC and its default subnets, creating no network resources", () => {
        assert.ok(stack.invoked("aws:ec2/getVpc:getVpc"));
        const subnetQuery = stack.run.invokes.find((invoke) => invoke.token === "aws:ec2/getSubnets:getSubnets");
        assert.deepEqual(
            (subnetQuery?.args.filters as { name: string }[]).map((filter) => filter.name),
            ["vpc-id", "default-for-az"],
        );
        assert.deepEqual([...stack.all(tokens.vpc), ...stack.all(tokens.subnet), ...stack.all(tokens.natGateway)], []);
    });

    it("gives tasks public IPs, their only route to ECR without private subnets", () => {
        const network = stack.one(tokens.service).inputs.networkConfiguration as Record<string, unknown>;
        assert.equal(network.assignPublicIp, true);
        assert.deepEqual(network.subnets, stack.one(tokens.loadBalancer).inputs.subnets);
    });
});

describe("LoadBalancer (dev)", () => {
    it("is internet-facing and deletable", () => {
        const loadBalancer = stack.one(tokens.loadBalancer).inputs;
        assert.equal(loadBalancer.internal, false);
        assert.equal(loadBalancer.loadBalancerType, "application");
        assert.equal(loadBalancer.enableDeletionProtection, false);
    });

    it("targets task IPs on the container port, checking /health every 10 s, healthy after 2 passes", () => {
        const group = stack.one(tokens.targetGroup).inputs;
        assert.deepEqual(
            [group.targetType, group.protocol, group.port, group.deregistrationDelay],
            ["ip", "HTTP", 8080, 30],
        );
        assert.deepEqual(group.healthCheck, {
            protocol: "HTTP",
            path: "/health",
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        });
    });

    it("forwards HTTP to the tasks when no certificate is configured", () => {
        const listener = stack.one(tokens.listener).inputs;
        assert.deepEqual([listener.port, listener.protocol], [80, "HTTP"]);
        assert.deepEqual(listener.defaultActions, [
            { type: "forward", targetGroupArn: stack.one(tokens.targetGroup).outputs.arn },
        ]);
    });
});

describe("FargateService (dev)", () => {
    it("runs one task with 256 CPU units and 512 MiB on X86_64 Linux", () => {
        const task = stack.one(tokens.taskDefinition).inputs;
        assert.deepEqual([task.cpu, task.memory, task.networkMode], ["256", "512", "awsvpc"]);
        assert.deepEqual(task.requiresCompatibilities, ["FARGATE"]);
        assert.deepEqual(task.runtimePlatform, { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" });
        assert.equal(stack.one(tokens.service).inputs.desiredCount, 1);
    });

    it("passes the service its environment, version and port", () => {
        const container = stack.container();
        assert.deepEqual(container.environment, [
            { name: "APP_ENVIRONMENT", value: "dev" },
            { name: "APP_LOG_LEVEL", value: "Information" },
            { name: "APP_PORT", value: "8080" },
            { name: "APP_SERVICE_NAME", value: "fargate-service" },
            { name: "APP_SHUTDOWN_TIMEOUT_SECONDS", value: "10" },
            { name: "APP_VERSION", value: testImageTag },
        ]);
        assert.deepEqual(container.portMappings, [{ containerPort: 8080, hostPort: 8080, protocol: "tcp" }]);
        assert.equal(container.stopTimeout, 15);
        assert.equal(container.image, stack.one(tokens.image).outputs.repoDigest);
    });

    it("ships logs with awslogs to a log group kept 7 days", () => {
        const logGroup = stack.one(tokens.logGroup);
        assert.equal(logGroup.inputs.retentionInDays, 7);
        assert.deepEqual(stack.container().logConfiguration, {
            logDriver: "awslogs",
            options: {
                "awslogs-group": logGroup.outputs.name,
                "awslogs-region": "us-east-1",
                "awslogs-stream-prefix": "app",
            },
        });
    });

    it("mounts a writable /tmp, the only writable path", () => {
        assert.deepEqual(stack.one(tokens.taskDefinition).inputs.volumes, [{ name: "tmp" }]);
        assert.deepEqual(stack.container().mountPoints, [
            { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
        ]);
    });

    it("enables Container Insights on the cluster", () => {
        assert.deepEqual(stack.one(tokens.cluster).inputs.settings, [{ name: "containerInsights", value: "enabled" }]);
    });

    it("deploys new tasks before stopping old ones and rolls back deployments that never turn healthy", () => {
        const service = stack.one(tokens.service).inputs;
        assert.deepEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.deepEqual([service.deploymentMinimumHealthyPercent, service.deploymentMaximumPercent], [100, 200]);
        assert.equal(service.healthCheckGracePeriodSeconds, 30);
        assert.equal(service.waitForSteadyState, true);
        assert.equal(service.launchType, "FARGATE");
    });

    it("registers the container with the target group only after a listener forwards to it", () => {
        const service = stack.one(tokens.service);
        assert.deepEqual(service.inputs.loadBalancers, [
            {
                targetGroupArn: stack.one(tokens.targetGroup).outputs.arn,
                containerName: "app",
                containerPort: 8080,
            },
        ]);
        assert.ok(service.dependencies.includes(stack.one(tokens.listener).urn));
    });

    it("has no autoscaling while minCount equals maxCount, and keeps desiredCount under Pulumi's control", () => {
        assert.deepEqual(stack.all(tokens.scalingTarget), []);
        assert.deepEqual(stack.one(tokens.service).ignoreChanges, []);
    });
});

describeOutputs(() => stack, { scheme: "http", logGroupName: "/ecs/fargate-service/dev" });
