// The dev stack (Pulumi.yaml + Pulumi.dev.yaml) as the program declares it, run under mocked providers.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { coreResourceCounts, describeOutputs, resourceCounts } from "./stackOutputs";
import { describeRolling } from "./deploymentChecks";
import { describeSecurityInvariants } from "./securityInvariants";
import { StackRun, runStack, testImageTag, tokens } from "./stackRun";
import { creationOrderFindings } from "../../tools/checks/creationOrder";
import { toSnapshot } from "../../tools/plan/model/snapshot";
import { componentTypes } from "../../tools/resourceTypes";

let stack: StackRun;
before(async () => {
    stack = await runStack("dev");
});

describe("dev resource graph", () => {
    it("declares exactly the core resources: no network of its own, no autoscaling", () => {
        assert.deepEqual(resourceCounts(stack), coreResourceCounts);
    });

    it("leaves no creation order to chance (the check over the recorded dependency graph)", () => {
        assert.deepEqual(creationOrderFindings(toSnapshot(stack.run, {}, { value: "", source: "placeholder" })), []);
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

describeSecurityInvariants(() => stack, { containerPort: 8080, buildsImage: true });

describe("ImageRegistry (dev)", () => {
    it("owns a repository named after project and stack that dev may delete with its images", () => {
        const repository = stack.one(tokens.repository, "registry-repo").inputs;
        assert.equal(repository.name, "fargate-service-dev");
        assert.equal(repository.forceDelete, true);
    });

    it("keeps the last 20 tagged images, the default rollback window, and the image the service runs", () => {
        const policy = stack
            .all(tokens.lifecyclePolicy)
            .find(
                (candidate) =>
                    candidate.inputs.repository === stack.one(tokens.repository, "registry-repo").outputs.name,
            );
        const rules = (JSON.parse(String(policy?.inputs.policy)) as { rules: { selection: Record<string, unknown> }[] })
            .rules;
        assert.deepEqual(
            rules.map((rule) => [rule.selection.tagPatternList, rule.selection.countNumber]),
            [
                [[testImageTag], 1],
                [undefined, 1],
                [["*"], 20],
            ],
        );
    });

    it("names the running image in the lifecycle policy only after the service reached a steady state on it", () => {
        const policy = stack.one(tokens.lifecyclePolicy, "retention-lifecycle");
        assert.equal(stack.one(tokens.service).inputs.waitForSteadyState, true);
        assert.ok(policy.dependencies.includes(stack.one(tokens.service).urn));
    });

    it("builds app/Dockerfile from the repository root for linux/amd64, tagged and versioned with the commit", () => {
        const image = stack.one(tokens.image).inputs;
        assert.deepEqual(
            [image.context, image.dockerfile, image.platforms, image.buildArgs, image.push, image.buildOnPreview],
            [
                { location: "." },
                { location: "app/Dockerfile" },
                ["linux/amd64"],
                { COMMIT_SHA: testImageTag },
                true,
                false,
            ],
        );
        assert.deepEqual(image.tags, [
            `${stack.one(tokens.repository, "registry-repo").outputs.repositoryUrl}:${testImageTag}`,
        ]);
    });

    it("caches every stage of the build in the stack's own cache repository, fargate-service-dev-cache", () => {
        const image = stack.one(tokens.image).inputs as Record<string, any>;
        const cache = stack.one(tokens.repository, "registry-cache-repo");
        const ref = `${cache.outputs.repositoryUrl}:buildcache-linux-amd64`;
        assert.equal(cache.inputs.name, "fargate-service-dev-cache");
        assert.deepEqual(image.cacheFrom, [{ registry: { ref } }]);
        assert.deepEqual([image.cacheTo[0].registry.ref, image.cacheTo[0].registry.mode], [ref, "max"]);
    });

    it("pushes with a token from ecr.getAuthorizationToken", () => {
        assert.ok(stack.invoked("aws:ecr/getAuthorizationToken:getAuthorizationToken"));
    });
});

describe("Network (dev)", () => {
    it("runs tasks with public IPs in the default VPC's subnets, beside the load balancer, creating no network", () => {
        const network = stack.one(tokens.service).inputs.networkConfiguration as Record<string, unknown>;
        assert.equal(network.assignPublicIp, true);
        assert.deepEqual(network.subnets, stack.one(tokens.loadBalancer).inputs.subnets);
        const networkTypes: string[] = [
            componentTypes.awsxVpc,
            tokens.vpc,
            tokens.subnet,
            tokens.natGateway,
            tokens.vpcEndpoint,
        ];
        assert.deepEqual(
            stack.resources.filter((resource) => networkTypes.includes(resource.type)),
            [],
        );
    });

    it("finds the default VPC by listing the region's VPCs marked is-default", () => {
        const lookup = stack.run.invokes.find((invoke) => invoke.token === "aws:ec2/getVpcs:getVpcs");
        assert.deepEqual(lookup?.args.filters, [{ name: "is-default", values: ["true"] }]);
    });
});

describe("LoadBalancer (dev)", () => {
    it("can be deleted with the stack", () => {
        assert.equal(stack.one(tokens.loadBalancer).inputs.enableDeletionProtection, false);
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
        assert.equal(
            container.image,
            `${stack.one(tokens.repository, "registry-repo").outputs.repositoryUrl}@${stack.one(tokens.image).outputs.digest}`,
        );
    });

    it("keeps logs for 7 days", () => {
        assert.equal(stack.one(tokens.logGroup).inputs.retentionInDays, 7);
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

describeRolling(() => stack, { minimumHealthyPercent: 0, rollbackOnAlarm: false });

describe("fast lane (dev)", () => {
    it("gives pulumi up the provider's 20 minutes plus the alarms' 3-minute window, as alarms may be turned on", () => {
        const timeouts = stack.one(tokens.service).customTimeouts;
        assert.deepEqual([timeouts.create, timeouts.update], ["23m", "23m"]);
    });

    it("still creates the alarms and their topic, which notify without holding the deploy", () => {
        assert.equal(stack.all(tokens.metricAlarm).length, 3);
        assert.deepEqual(stack.all(tokens.snsSubscription), []);
    });
});

describeOutputs(() => stack, { scheme: "http", logGroupName: "/ecs/fargate-service/dev" });
