// Inputs AWS refuses, seeded one at a time into prod's reviewed plan: each is refused with the rule that refuses it,
// and what cannot be checked is listed rather than passed.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { autoNameSuffix, checkAwsApi, Refusal } from "../../../tools/checks/awsApi/checkStack";
import { imageReference } from "../../../tools/checks/awsApi/mappings/image";
import type { Snapshot } from "../../../tools/plan/model/snapshot";
import { componentTypes, resourceTypes as t } from "../../../tools/resourceTypes";
import { editJson, prodWith, requireModels, reviewedSnapshot } from "./awsModels";

const models = requireModels();

/** The one refusal the snapshot draws (fails on none or several). */
function refusalOf(snapshot: Snapshot): Refusal {
    const { refusals } = checkAwsApi(snapshot, models);
    assert.equal(refusals.length, 1, `one refusal expected: ${JSON.stringify(refusals, null, 2)}`);
    return refusals[0];
}

/** The lifecycle policy of the repository prod's image is pushed to (the build cache's repository has its own). */
function imagePolicyName(): string {
    const { resources } = reviewedSnapshot("prod");
    const tags = resources.find((r) => r.type === t.image)?.inputs.tags as string[];
    const { repositoryName } = imageReference(tags[0]);
    const policy = resources.find((r) => r.type === t.lifecyclePolicy && r.inputs.repository === repositoryName);
    assert.ok(policy, `prod declares no lifecycle policy for ${repositoryName}`);
    return policy.name;
}

function assertRefused(snapshot: Snapshot, expected: Partial<Refusal>): void {
    const refusal = refusalOf(snapshot);
    assert.deepEqual(
        Object.fromEntries(Object.keys(expected).map((key) => [key, refusal[key as keyof Refusal]])),
        expected,
    );
}

describe("AWS refuses", () => {
    it("a target group whose auto-name (logical name, -, 7 hex digits) is longer than 32 characters", () => {
        const longName = "web-target-group-of-prod"; // 24 characters: the auto-name has 32
        assert.deepEqual(
            checkAwsApi(
                prodWith(t.targetGroup, "web-tg", (r) => (r.name = longName)),
                models,
            ).refusals,
            [],
        );
        assertRefused(
            prodWith(t.targetGroup, "web-tg", (r) => (r.name = `${longName}s`)),
            { input: "name (auto-name)", value: `${longName}s-${autoNameSuffix}`, rule: "at most 32 characters" },
        );
    });

    it("a load balancer name that begins with internal-", () => {
        assertRefused(
            prodWith(t.loadBalancer, "web-alb", (r) => (r.name = "internal-web")),
            { input: "name (auto-name)", rule: 'must not begin with "internal-"' },
        );
    });

    it("a log retention of 2 days", () => {
        const refusal = refusalOf(prodWith(t.logGroup, "app-logs", (r) => (r.inputs.retentionInDays = 2)));
        assert.deepEqual([refusal.input, refusal.value], ["retentionInDays", 2]);
        assert.match(refusal.rule, /^one of 1, 3, 5, 7, 14, 30,/);
        assert.match(refusal.source, /API_PutRetentionPolicy\.html$/);
    });

    it("a health check timeout not smaller than its interval, and an interval below the model's minimum", () => {
        assertRefused(
            prodWith(t.targetGroup, "web-tg", (r) => Object.assign(r.inputs.healthCheck as object, { timeout: 10 })),
            {
                input: "healthCheck.timeout",
                value: 10,
                rule: "the health check timeout must be smaller than its interval: interval 10",
            },
        );
        assertRefused(
            prodWith(t.targetGroup, "web-tg", (r) =>
                Object.assign(r.inputs.healthCheck as object, { interval: 4, timeout: 2 }),
            ),
            {
                input: "healthCheck.interval",
                value: 4,
                rule: "at least 5",
                source: "elbv2 CreateTargetGroup.HealthCheckIntervalSeconds (shape HealthCheckIntervalSeconds)",
            },
        );
    });

    it("a cpu and memory pair off Fargate's table", () => {
        assertRefused(
            prodWith(t.taskDefinition, "app-task", (r) => (r.inputs.memory = "4096")),
            { input: "memory", value: "4096", rule: "a Fargate task size: the memory this CPU allows: cpu 256" },
        );
    });

    it("a port of 70000 in a security group rule", () => {
        assertRefused(
            prodWith(t.ingressRule, "firewall-alb-in-80-ipv4", (r) => (r.inputs.toPort = 70000)),
            { input: "toPort", value: 70000, rule: "a port from 0 to 65535 for tcp and udp" },
        );
    });

    it("a listener port of 70000, from the model's range", () => {
        assertRefused(
            prodWith(t.listener, "web-http", (r) => (r.inputs.port = 70000)),
            {
                input: "port",
                rule: "at most 65535",
                source: "elbv2 CreateListener.Port (shape Port)",
            },
        );
    });

    it("an IAM path without its slashes, from the model's pattern", () => {
        assertRefused(
            prodWith(t.role, "app-roles-task", (r) => (r.inputs.path = "fargate-service")),
            { input: "path", value: "fargate-service", source: "iam CreateRole.Path (shape pathType)" },
        );
    });

    it("a lifecycle policy rule with countNumber 0", () => {
        const snapshot = prodWith(t.lifecyclePolicy, imagePolicyName(), (r) =>
            editJson(r, "policy", (policy) => (policy.rules[1].selection.countNumber = 0)),
        );
        assertRefused(snapshot, {
            input: "policy rules[1]",
            rule: "a lifecycle policy as ECR's grammar has it: selection.countNumber must be an integer of 1 or more",
        });
    });

    it("a lifecycle policy whose tagStatus any rule is not evaluated last", () => {
        const snapshot = prodWith(t.lifecyclePolicy, imagePolicyName(), (r) =>
            editJson(r, "policy", (policy) => (policy.rules[0].selection.tagStatus = "any")),
        );
        assert.match(refusalOf(snapshot).rule, /tagStatus any, and it must have the highest rulePriority$/);
    });

    it("an identity policy with a lower-case effect and an action without its service", () => {
        const snapshot = prodWith(t.rolePolicy, "app-roles-execution", (r) =>
            editJson(r, "policy", (policy) => {
                policy.Statement[0].Effect = "allow";
                policy.Statement[1].Action = ["BatchGetImage"];
            }),
        );
        const refusals = checkAwsApi(snapshot, models).refusals.map((r) => [r.input, r.rule]);
        assert.deepEqual(refusals, [
            [
                "policy Statement[0].Effect",
                'an identity policy as IAM\'s grammar has it: Effect must be present and exactly "Allow" or "Deny"',
            ],
            [
                "policy Statement[1].Action[0]",
                "an identity policy as IAM's grammar has it: Action must be a wildcard (*) or have 2 segments",
            ],
        ]);
    });

    it("a trust policy that names a Resource", () => {
        const snapshot = prodWith(t.role, "app-roles-task", (r) =>
            editJson(r, "assumeRolePolicy", (policy) => (policy.Statement[0].Resource = "*")),
        );
        assert.match(refusalOf(snapshot).rule, /^a trust policy as IAM's grammar has it: .*Resource/);
    });

    it("a container's stopTimeout over Fargate's 120 seconds, and a name ECS does not allow", () => {
        assertRefused(
            prodWith(t.taskDefinition, "app-task", (r) =>
                editJson(r, "containerDefinitions", ([c]) => (c.stopTimeout = 121)),
            ),
            { input: "containerDefinitions[0].stopTimeout", value: 121 },
        );
        assertRefused(
            prodWith(t.taskDefinition, "app-task", (r) =>
                editJson(r, "containerDefinitions", ([c]) => (c.name = "app.web")),
            ),
            { input: "containerDefinitions[0].name", value: "app.web" },
        );
    });

    it("a value outside a model enum, naming the member", () => {
        assertRefused(
            prodWith(t.scalingTarget, "app-scaling-target", (r) => (r.inputs.scalableDimension = "ecs:service:Count")),
            {
                input: "scalableDimension",
                source: "application-autoscaling RegisterScalableTarget.ScalableDimension (shape ScalableDimension)",
            },
        );
    });

    it("an address block with host bits set, and a security group description with characters EC2 does not take", () => {
        assertRefused(
            prodWith(t.egressRule, "firewall-service-out-https", (r) => (r.inputs.cidrIpv4 = "0.0.0.1/0")),
            { input: "cidrIpv4", rule: "an IPv4 block with its host bits clear" },
        );
        assertRefused(
            prodWith(t.securityGroup, "firewall-alb", (r) => (r.inputs.description = "Load balancer – HTTP only")),
            { input: "description" },
        );
    });

    it("an image tag Docker cannot push, and a cache repository name ECR's model does not allow", () => {
        let pushed = "";
        assertRefused(
            prodWith(t.image, "registry-image", (r) => {
                const [tag] = r.inputs.tags as string[];
                pushed = tag.replace(/:[^:]+$/, ":-next");
                r.inputs.tags = [pushed];
            }),
            { input: "tags[0]", value: pushed },
        );
        assertRefused(
            prodWith(t.image, "registry-image", (r) => {
                const [cache] = r.inputs.cacheTo as { registry: { ref: string } }[];
                cache.registry.ref = cache.registry.ref.replace(/\/[^/:]+:/, "/Build-Cache:");
            }),
            { input: "cacheTo", value: "Build-Cache", source: "ecr PutImage.[] (shape RepositoryName)" },
        );
    });

    it("a KMS alias without the alias/ prefix, or in the alias/aws/ namespace AWS keeps", () => {
        for (const name of ["fargate-service-prod-alarms", "alias/aws/sns"]) {
            assertRefused(
                prodWith(t.kmsAlias, "alarms-topic-key", (r) => (r.inputs.name = name)),
                {
                    input: "name",
                    value: name,
                    source: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html",
                },
            );
        }
    });

    it("a key deletion window of 5 days, which the model allows and the API reference does not", () => {
        assertRefused(
            prodWith(t.kmsKey, "alarms-topic-key", (r) => (r.inputs.deletionWindowInDays = 5)),
            { input: "deletionWindowInDays", value: 5, rule: "7 to 30 days" },
        );
    });

    it("a key policy statement without a Principal, and a rotation period below the model's minimum", () => {
        assertRefused(
            prodWith(t.kmsKey, "alarms-topic-key", (r) =>
                editJson(r, "policy", (policy) => delete policy.Statement[0].Principal),
            ),
            { input: "policy Statement[0]", rule: "each statement of a key policy names a Principal" },
        );
        assertRefused(
            prodWith(t.kmsKey, "alarms-topic-key", (r) => (r.inputs.rotationPeriodInDays = 30)),
            { input: "rotationPeriodInDays", rule: "at least 90" },
        );
    });

    it("a VPC endpoint type outside the model's enum, and an endpoint left a Gateway that names subnets", () => {
        assertRefused(
            prodWith(t.vpcEndpoint, "network-logs", (r) => (r.inputs.vpcEndpointType = "interface")),
            { input: "vpcEndpointType", source: "ec2 CreateVpcEndpoint.VpcEndpointType (shape VpcEndpointType)" },
        );
        const snapshot = prodWith(t.vpcEndpoint, "network-logs", (r) => delete r.inputs.vpcEndpointType);
        assert.deepEqual(
            checkAwsApi(snapshot, models).refusals.map((r) => r.input),
            ["subnetIds", "securityGroupIds", "privateDnsEnabled"],
        );
    });

    it("an awsx VPC endpoint spec: a Gateway with security groups, and a type outside the model's enum", () => {
        assertRefused(
            prodWith(componentTypes.awsxVpc, "network-vpc", (r) =>
                Object.assign((r.inputs.vpcEndpointSpecs as object[])[0], { securityGroupIds: ["sg-0a1b2c3"] }),
            ),
            { input: "vpcEndpointSpecs[0].securityGroupIds", value: ["sg-0a1b2c3"] },
        );
        assertRefused(
            prodWith(componentTypes.awsxVpc, "network-vpc", (r) =>
                Object.assign((r.inputs.vpcEndpointSpecs as object[])[0], { vpcEndpointType: "gateway" }),
            ),
            { input: "vpcEndpointSpecs", value: "gateway" },
        );
    });
});

describe("what the check cannot check, it lists", () => {
    it("a resource type without an API mapping", () => {
        const snapshot = prodWith(
            t.cluster,
            "app-cluster",
            (r) => (r.type = "aws:ecs/capacityProvider:CapacityProvider"),
        );
        assert.deepEqual(checkAwsApi(snapshot, models).notChecked, [
            { resource: "app-cluster", type: "aws:ecs/capacityProvider:CapacityProvider", reason: "no API mapping" },
        ]);
    });

    it("an input of a mapped type that no API member is mapped for, and a container field the model lacks", () => {
        const snapshot = prodWith(t.taskDefinition, "app-task", (r) => {
            r.inputs.inferenceAccelerators = [{ deviceName: "gpu", deviceType: "eia2.medium" }];
            editJson(r, "containerDefinitions", ([c]) => (c.restartPolicyOfMine = {}));
        });
        assert.deepEqual(
            checkAwsApi(snapshot, models).notChecked.map((item) => [item.input, item.reason]),
            [
                [
                    "containerDefinitions[0].restartPolicyOfMine",
                    "no member of its API shape in this version of the model",
                ],
                ["inferenceAccelerators", "no API member mapped"],
            ],
        );
    });

    it("a secret, whose value the plan does not hold", () => {
        const snapshot = prodWith(t.role, "app-roles-task", (r) => (r.inputs.description = "[secret]"));
        assert.deepEqual(
            checkAwsApi(snapshot, models).notChecked.map((item) => [item.input, item.reason]),
            [["description", "a secret: its value is not in the plan"]],
        );
    });
});
