// A stack that turns on every option the defaults leave off: HTTPS, ARM64, another port and health path,
// a permissions boundary. Run under mocked providers from the dev stack file plus these overrides.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { coreResourceCounts, describeOutputs, resourceCounts } from "./stackOutputs";
import { describeSecurityInvariants } from "./securityInvariants";
import { StackRun, runStack, tokens } from "./stackRun";

const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
const permissionsBoundaryArn = "arn:aws:iam::123456789012:policy/workload-boundary";

let stack: StackRun;
before(async () => {
    stack = await runStack("dev", {
        certificateArn,
        architecture: "arm64",
        cpu: "1024",
        memory: "3072",
        containerPort: "9000",
        healthCheckPath: "/healthz",
        deregistrationDelaySeconds: "5",
        permissionsBoundaryArn,
        iamRolePath: "/",
    });
});

describe("resource graph with HTTPS", () => {
    it("adds the HTTPS listener and the two rules that open 443", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...coreResourceCounts,
            [tokens.listener]: 2,
            [tokens.ingressRule]: 5,
        });
    });
});

describeSecurityInvariants(() => stack, { containerPort: 9000, buildsImage: true });

describe("LoadBalancer (HTTPS)", () => {
    it("serves the configured certificate on 443", () => {
        assert.equal(stack.where(tokens.listener, "port", 443)[0].inputs.certificateArn, certificateArn);
    });

    it("hands the target group to the service only once the HTTPS listener exists too", () => {
        const https = stack.where(tokens.listener, "port", 443)[0];
        assert.ok(stack.one(tokens.service).dependencies.includes(https.urn));
    });

    it("checks the configured health path on the configured port and drains for the configured delay", () => {
        const group = stack.one(tokens.targetGroup).inputs;
        assert.deepEqual(
            [group.port, (group.healthCheck as Record<string, unknown>).path, group.deregistrationDelay],
            [9000, "/healthz", 5],
        );
    });
});

describe("ARM64 and task size", () => {
    it("builds the image for linux/arm64 and runs the task on ARM64", () => {
        assert.deepEqual(stack.one(tokens.image).inputs.platforms, ["linux/arm64"]);
        assert.deepEqual(stack.one(tokens.taskDefinition).inputs.runtimePlatform, {
            operatingSystemFamily: "LINUX",
            cpuArchitecture: "ARM64",
        });
        assert.deepEqual(
            [stack.one(tokens.taskDefinition).inputs.cpu, stack.one(tokens.taskDefinition).inputs.memory],
            ["1024", "3072"],
        );
    });

    it("tells the service its port and maps it", () => {
        const container = stack.container();
        assert.ok(
            container.environment.some(
                (variable: Record<string, string>) => variable.name === "APP_PORT" && variable.value === "9000",
            ),
        );
        assert.deepEqual(container.portMappings, [{ containerPort: 9000, hostPort: 9000, protocol: "tcp" }]);
        assert.equal(
            (stack.one(tokens.service).inputs.loadBalancers as Record<string, unknown>[])[0].containerPort,
            9000,
        );
    });
});

describe("ImageRegistry (ARM64 build cache)", () => {
    it("keeps the ARM64 build's cache under its own tag, so switching architectures keeps both caches warm", () => {
        const ref = (stack.one(tokens.image).inputs.cacheFrom as { registry: { ref: string } }[])[0].registry.ref;
        assert.match(ref, /\/fargate-service-dev-cache:buildcache-linux-arm64$/);
    });
});

describe("TaskRoles (permissions boundary)", () => {
    it("puts the boundary and the path on both roles", () => {
        const roles = stack.all(tokens.role);
        assert.equal(roles.length, 2);
        for (const role of roles) {
            assert.equal(role.inputs.permissionsBoundary, permissionsBoundaryArn);
            assert.equal(role.inputs.path, "/");
        }
    });
});

describeOutputs(() => stack, { scheme: "https", logGroupName: "/ecs/fargate-service/dev" });
