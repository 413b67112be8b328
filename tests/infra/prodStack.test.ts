// The prod stack (Pulumi.yaml + Pulumi.prod.yaml) as the program declares it, run under mocked providers.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { coreResourceCounts, describeOutputs, resourceCounts } from "./stackOutputs";
import { describeSecurityPolicies } from "./securityPolicies";
import { StackRun, runStack, tokens } from "./stackRun";

let stack: StackRun;
before(async () => {
    stack = await runStack("prod");
});

describe("prod resource graph", () => {
    it("declares the core resources plus a two-zone VPC and autoscaling", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...coreResourceCounts,
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

describeSecurityPolicies(() => stack, { containerPort: 8080, publicPorts: [80], buildsImage: true });

describe("Network (prod)", () => {
    const subnets = (tier: string) =>
        stack.all(tokens.subnet).filter((subnet) => (subnet.inputs.tags as Record<string, string>).tier === tier);

    it("creates a dedicated VPC with DNS, from the configured block", () => {
        const vpc = stack.one(tokens.vpc).inputs;
        assert.deepEqual([vpc.cidrBlock, vpc.enableDnsHostnames, vpc.enableDnsSupport], ["10.0.0.0/16", true, true]);
        assert.equal(stack.invoked("aws:ec2/getVpc:getVpc"), false);
    });

    it("spreads a public and a private subnet over each of two availability zones", () => {
        for (const tier of ["public", "private"]) {
            const zones = subnets(tier).map((subnet) => subnet.inputs.availabilityZone);
            assert.deepEqual(zones, ["us-east-1a", "us-east-1b"], `${tier} subnets`);
        }
        assert.deepEqual(
            subnets("public").map((subnet) => subnet.inputs.cidrBlock),
            ["10.0.0.0/20", "10.0.16.0/20"],
        );
        assert.deepEqual(
            subnets("private").map((subnet) => subnet.inputs.cidrBlock),
            ["10.0.128.0/20", "10.0.144.0/20"],
        );
        assert.ok(stack.all(tokens.subnet).every((subnet) => subnet.inputs.mapPublicIpOnLaunch === false));
    });

    it("routes public subnets to the internet gateway and each private subnet to its own zone's NAT gateway", () => {
        const routeOf = (subnetId: unknown) => {
            const association = stack.where(tokens.routeTableAssociation, "subnetId", subnetId);
            assert.equal(association.length, 1);
            const table = stack
                .all(tokens.routeTable)
                .find((candidate) => candidate.id === association[0].inputs.routeTableId);
            return (table?.inputs.routes as Record<string, string>[])[0];
        };
        const gatewayId = stack.one("aws:ec2/internetGateway:InternetGateway").id;
        for (const subnet of subnets("public")) {
            assert.deepEqual(routeOf(subnet.id), { cidrBlock: "0.0.0.0/0", gatewayId });
        }
        const nats = stack.all(tokens.natGateway);
        const natOfZone = (zone: unknown) => {
            const publicSubnet = subnets("public").find((subnet) => subnet.inputs.availabilityZone === zone);
            return nats.find((nat) => nat.inputs.subnetId === publicSubnet?.id)?.id;
        };
        for (const subnet of subnets("private")) {
            assert.deepEqual(routeOf(subnet.id), {
                cidrBlock: "0.0.0.0/0",
                natGatewayId: natOfZone(subnet.inputs.availabilityZone),
            });
        }
        assert.equal(new Set(nats.map((nat) => nat.inputs.subnetId)).size, 2);
    });

    it("empties the VPC's default security group", () => {
        const group = stack.one(tokens.defaultSecurityGroup).inputs;
        assert.equal(group.vpcId, stack.one(tokens.vpc).id);
        assert.equal(group.ingress, undefined);
        assert.equal(group.egress, undefined);
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
        assert.equal(stack.one(tokens.targetGroup).inputs.vpcId, stack.one(tokens.vpc).id);
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
        const label = `${stack.one(tokens.loadBalancer).outputs.arnSuffix}/${stack.one(tokens.targetGroup).outputs.arnSuffix}`;
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

describeOutputs(() => stack, { scheme: "http", logGroupName: "/ecs/fargate-service/prod" });
