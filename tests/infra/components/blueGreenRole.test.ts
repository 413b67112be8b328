// The BlueGreenRole component alone: one instance per case, from a baseArgs object.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BlueGreenRole, BlueGreenRoleArgs } from "../../../infra/service/blueGreenRole";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const arn = (resource: string) => `arn:aws:elasticloadbalancing:us-east-1:123456789012:${resource}`;
const baseArgs: BlueGreenRoleArgs = {
    targetGroupArns: [arn("targetgroup/web-tg/1111111111111111"), arn("targetgroup/web-bluegreen-tg/2222222222222222")],
    listenerRuleArns: [
        arn("listener-rule/app/web-alb/0123456789abcdef/aaaa/bbbb"),
        arn("listener-rule/app/web-alb/0123456789abcdef/aaaa/cccc"),
    ],
    productionListenerArn: arn("listener/app/web-alb/0123456789abcdef/aaaa"),
    path: "/fargate-service/",
    permissionsBoundaryArn: "",
};

type Statement = Record<string, unknown>;

function statementsOf(document: unknown): Statement[] {
    return (JSON.parse(String(document)) as { Statement: Statement[] }).Statement;
}

describe("BlueGreenRole", () => {
    it("is assumed by ECS itself, as the ECS developer guide's infrastructure role is", async () => {
        const declared = await declaredBy(new BlueGreenRole("trust", baseArgs));
        assert.deepEqual(statementsOf(declared.one(tokens.role).inputs.assumeRolePolicy), [
            { Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" },
        ]);
    });

    it("may do what AmazonECSInfrastructureRolePolicyForLoadBalancers allows, on this stack's resources only", async () => {
        const declared = await declaredBy(new BlueGreenRole("scope", baseArgs));
        const policy = declared.one(tokens.rolePolicy);
        assert.equal(policy.inputs.role, declared.one(tokens.role).id);
        const statements = statementsOf(policy.inputs.policy);
        // Every action of the managed policy (v6), and nothing else.
        assert.deepEqual(statements.flatMap((statement) => [statement.Action].flat()).sort(), [
            "elasticloadbalancing:DeregisterTargets",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth",
            "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:ModifyRule",
            "elasticloadbalancing:RegisterTargets",
        ]);
        const resourcesOf = (action: string) =>
            statements.find((statement) => [statement.Action].flat().includes(action))?.Resource;
        assert.deepEqual(resourcesOf("elasticloadbalancing:RegisterTargets"), baseArgs.targetGroupArns);
        assert.deepEqual(resourcesOf("elasticloadbalancing:ModifyRule"), baseArgs.listenerRuleArns);
        assert.equal(resourcesOf("elasticloadbalancing:ModifyListener"), baseArgs.productionListenerArn);
        // Only the Describe calls, which ELB does not scope to resources, are granted on "*".
        assert.deepEqual(
            statements.filter((statement) => statement.Resource === "*").flatMap((statement) => statement.Action),
            [
                "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeRules",
                "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetHealth",
            ],
        );
        assert.ok(statements.every((statement) => statement.Effect === "Allow"));
    });

    it("sits under the task roles' path and carries their boundary, so deploy roles may create it", async () => {
        const boundary = "arn:aws:iam::123456789012:policy/workload-boundary";
        const plain = await declaredBy(new BlueGreenRole("plain", baseArgs));
        assert.deepEqual(
            [plain.one(tokens.role).inputs.path, plain.one(tokens.role).inputs.permissionsBoundary],
            ["/fargate-service/", undefined],
        );
        const bounded = await declaredBy(
            new BlueGreenRole("bounded", { ...baseArgs, path: "/", permissionsBoundaryArn: boundary }),
        );
        assert.deepEqual(
            [bounded.one(tokens.role).inputs.path, bounded.one(tokens.role).inputs.permissionsBoundary],
            ["/", boundary],
        );
    });

    it("hands out the role's ARN and attaches no managed policy (the service waits for the inline one: fargateService.test.ts)", async () => {
        const role = new BlueGreenRole("ready", baseArgs);
        const declared = await declaredBy(role);
        assert.equal(await promiseOf(role.roleArn), declared.one(tokens.role).outputs.arn);
        assert.equal(declared.all(tokens.role)[0].inputs.managedPolicyArns, undefined);
    });
});
