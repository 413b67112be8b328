// The prod stack (Pulumi.yaml + Pulumi.prod.yaml) as the program declares it, run under mocked providers.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
    addCounts,
    blueGreenResourceCounts,
    coreResourceCounts,
    describeOutputs,
    resourceCounts,
} from "./stackOutputs";
import { describeBlueGreen } from "./deploymentChecks";
import { describeSecurityInvariants } from "./securityInvariants";
import { StackRun, runStack, tokens } from "./stackRun";

let stack: StackRun;
before(async () => {
    stack = await runStack("prod");
});

describe("prod resource graph", () => {
    it("declares the core resources plus a two-zone VPC, autoscaling and blue/green deployments", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...addCounts(coreResourceCounts, blueGreenResourceCounts),
            [tokens.vpc]: 1,
            [tokens.defaultSecurityGroup]: 1,
            "aws:ec2/internetGateway:InternetGateway": 1,
            [tokens.subnet]: 4,
            "aws:ec2/eip:Eip": 2,
            [tokens.natGateway]: 2,
            [tokens.routeTable]: 3,
            [tokens.routeTableAssociation]: 4,
            "fargate-service:infra:ServiceAutoscaling": 1,
            [tokens.scalingTarget]: 1,
            [tokens.scalingPolicy]: 2,
        });
    });
});

describeSecurityInvariants(() => stack, { containerPort: 8080, publicPorts: [80], buildsImage: true });

describe("Network (prod)", () => {
    const subnets = (tier: string) =>
        stack.all(tokens.subnet).filter((subnet) => (subnet.inputs.tags as Record<string, string>).tier === tier);

    it("creates a dedicated VPC with DNS, from the configured block", () => {
        const vpc = stack.one(tokens.vpc).inputs;
        assert.deepEqual([vpc.cidrBlock, vpc.enableDnsHostnames, vpc.enableDnsSupport], ["10.0.0.0/16", true, true]);
        assert.equal(stack.invoked("aws:ec2/getVpc:getVpc"), false);
    });

    it("spreads its subnets over two availability zones", () => {
        assert.deepEqual(
            subnets("private").map((subnet) => subnet.inputs.availabilityZone),
            ["us-east-1a", "us-east-1b"],
        );
        assert.equal(stack.all(tokens.natGateway).length, 2);
    });

    it("runs tasks in the private subnets without public IPs, and the load balancer in the public ones", () => {
        const network = stack.one(tokens.service).inputs.networkConfiguration as Record<string, unknown>;
        assert.equal(network.assignPublicIp, false);
        assert.deepEqual(
            network.subnets,
            subnets("private").map((subnet) => subnet.id),
        );
        assert.deepEqual(
            stack.one(tokens.loadBalancer).inputs.subnets,
            subnets("public").map((subnet) => subnet.id),
        );
        for (const group of stack.all(tokens.targetGroup)) {
            assert.equal(group.inputs.vpcId, stack.one(tokens.vpc).id);
        }
    });
});

describe("LoadBalancer (prod)", () => {
    it("is protected from deletion", () => {
        assert.equal(stack.one(tokens.loadBalancer).inputs.enableDeletionProtection, true);
    });
});

describe("ImageRegistry (prod)", () => {
    it("keeps its repository when the stack is destroyed while images remain", () => {
        assert.equal(stack.one(tokens.repository).inputs.forceDelete, false);
        assert.equal(stack.one(tokens.repository).inputs.name, "fargate-service-prod");
    });
});

describe("FargateService (prod)", () => {
    it("starts two tasks and keeps logs for 90 days", () => {
        assert.equal(stack.one(tokens.service).inputs.desiredCount, 2);
        assert.equal(stack.one(tokens.logGroup).inputs.retentionInDays, 90);
        assert.ok(
            stack
                .container()
                .environment.some(
                    (variable: Record<string, string>) =>
                        variable.name === "APP_ENVIRONMENT" && variable.value === "prod",
                ),
        );
    });

    it("scales the service between 2 and 6 tasks", () => {
        const target = stack.one(tokens.scalingTarget).inputs;
        const cluster = stack.one(tokens.cluster).outputs.name;
        const service = stack.one(tokens.service).outputs.name;
        assert.deepEqual([target.minCapacity, target.maxCapacity], [2, 6]);
        assert.deepEqual(
            [target.serviceNamespace, target.scalableDimension, target.resourceId],
            ["ecs", "ecs:service:DesiredCount", `service/${cluster}/${service}`],
        );
    });

    it("tracks 60 % average CPU and 1000 requests per task per minute", () => {
        const policies = stack.all(tokens.scalingPolicy).map((policy) => policy.inputs);
        const tracking = policies.map(
            (policy) => policy.targetTrackingScalingPolicyConfiguration as Record<string, any>,
        );
        assert.ok(policies.every((policy) => policy.policyType === "TargetTrackingScaling"));
        const label = `${stack.one(tokens.loadBalancer).outputs.arnSuffix}/${stack.one(tokens.targetGroup, "web-tg").outputs.arnSuffix}`;
        assert.deepEqual(
            tracking.map((config) => [config.predefinedMetricSpecification, config.targetValue]),
            [
                [{ predefinedMetricType: "ECSServiceAverageCPUUtilization" }, 60],
                [{ predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: label }, 1000],
            ],
        );
    });

    it("leaves the running task count to autoscaling", () => {
        assert.deepEqual(stack.one(tokens.service).ignoreChanges, ["desiredCount"]);
    });

    it("puts both task roles under the IAM path /fargate-service/ without a boundary by default", () => {
        for (const role of stack.all(tokens.role)) {
            assert.equal(role.inputs.path, "/fargate-service/");
            assert.equal(role.inputs.permissionsBoundary, undefined);
        }
    });
});

describeBlueGreen(() => stack, { bakeTimeMinutes: 10, productionPort: 80 });

describeOutputs(() => stack, { scheme: "http", logGroupName: "/ecs/fargate-service/prod" });
