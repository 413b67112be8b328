// The stack's security invariants that no policy of the pack states, one test each, shared by every stack
// configuration under test. What a policy states (who reaches the tasks, what is open to the world, immutable
// scanned images by digest, non-root read-only containers) is proven in tests/policy/ and run over every plan.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { secretPlaceholder } from "../../tools/mocks/mockEngine";
import { StackRun, tokens } from "./stackRun";

export interface InvariantExpectations {
    containerPort: number;
    /** false for a rollback run, which deploys an image already pushed and builds nothing (no build, no credentials). */
    buildsImage: boolean;
}

/** The security groups as the load balancer and the service actually use them, found through the graph. */
function groups(stack: StackRun) {
    const loadBalancerGroupId = (stack.one(tokens.loadBalancer).inputs.securityGroups as string[])[0];
    const serviceGroupId = (stack.one(tokens.service).inputs.networkConfiguration as { securityGroups: string[] })
        .securityGroups[0];
    return { loadBalancerGroupId, serviceGroupId };
}

function rules(stack: StackRun, type: string, groupId: string) {
    return stack.where(type, "securityGroupId", groupId).map((rule) => rule.inputs);
}

export function describeSecurityInvariants(current: () => StackRun, expected: InvariantExpectations): void {
    describe("security invariants", () => {
        it("the load balancer sends only to the service's group, on the container port", () => {
            const { loadBalancerGroupId, serviceGroupId } = groups(current());
            const egress = rules(current(), tokens.egressRule, loadBalancerGroupId);
            assert.equal(egress.length, 1);
            assert.equal(egress[0].referencedSecurityGroupId, serviceGroupId);
            assert.deepEqual(
                [egress[0].ipProtocol, egress[0].fromPort, egress[0].toPort],
                ["tcp", expected.containerPort, expected.containerPort],
            );
            assert.equal(egress[0].cidrIpv4, undefined);
        });

        it("tasks send only HTTPS out (image pulls, logs)", () => {
            const { serviceGroupId } = groups(current());
            const egress = rules(current(), tokens.egressRule, serviceGroupId).map(
                (rule) => `${rule.ipProtocol}/${rule.fromPort}-${rule.toPort}`,
            );
            assert.deepEqual(egress, ["tcp/443-443"]);
        });

        it("every security group and every rule has a description", () => {
            const described = [tokens.securityGroup, tokens.ingressRule, tokens.egressRule].flatMap((type) =>
                current().all(type),
            );
            assert.ok(described.length > 0);
            for (const resource of described) {
                assert.match(
                    String(resource.inputs.description ?? ""),
                    /\w{3,}/,
                    `${resource.name} has no description`,
                );
            }
        });

        it("every repository encrypts images at rest", () => {
            for (const repository of current().all(tokens.repository)) {
                assert.deepEqual(repository.inputs.encryptionConfigurations, [{ encryptionType: "AES256" }]);
            }
        });

        if (expected.buildsImage) {
            it("registry credentials reach the image build only as a secret", () => {
                assert.equal(current().one(tokens.image).inputs.registries, secretPlaceholder);
            });
        }

        it("the execution role may only pull this repository's images and write this log group", () => {
            const stack = current();
            const executionRoleArn = stack.one(tokens.taskDefinition).inputs.executionRoleArn;
            const role = stack.all(tokens.role).find((candidate) => candidate.outputs.arn === executionRoleArn);
            assert.ok(role, "the task definition's execution role is declared");
            // Secrets, when configured, add a policy of their own (tests/infra/edgeStack.test.ts checks its grants).
            const policies = stack
                .where(tokens.rolePolicy, "role", role.id)
                .filter((policy) => !policy.name.endsWith("-secrets"));
            assert.equal(policies.length, 1);
            const statements = (
                JSON.parse(String(policies[0].inputs.policy)) as { Statement: Record<string, unknown>[] }
            ).Statement;
            const logGroupArn = stack.one(tokens.logGroup).outputs.arn;
            assert.deepEqual(
                statements.map((statement) => [statement.Effect, statement.Action, statement.Resource]),
                [
                    ["Allow", "ecr:GetAuthorizationToken", "*"],
                    [
                        "Allow",
                        ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                        stack.one(tokens.repository, "registry-repo").outputs.arn,
                    ],
                    ["Allow", ["logs:CreateLogStream", "logs:PutLogEvents"], `${logGroupArn}:log-stream:*`],
                ],
            );
            assert.equal(role.inputs.managedPolicyArns, undefined);
        });

        it("the task role has no permissions", () => {
            const stack = current();
            const taskRoleArn = stack.one(tokens.taskDefinition).inputs.taskRoleArn;
            const role = stack.all(tokens.role).find((candidate) => candidate.outputs.arn === taskRoleArn);
            assert.ok(role, "the task definition's task role is declared");
            assert.deepEqual(stack.where(tokens.rolePolicy, "role", role.id), []);
            assert.equal(role.inputs.managedPolicyArns, undefined);
            assert.equal(role.inputs.inlinePolicies, undefined);
            assert.equal(stack.all("aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
        });

        it("only ECS tasks of this account can assume the task roles", () => {
            // The task definition's two roles; ECS's own blue/green role is trusted by ecs.amazonaws.com instead.
            const task = current().one(tokens.taskDefinition).inputs;
            const taskRoles = current()
                .all(tokens.role)
                .filter((role) => [task.executionRoleArn, task.taskRoleArn].includes(role.outputs.arn));
            assert.equal(taskRoles.length, 2);
            for (const role of taskRoles) {
                const statements = (
                    JSON.parse(String(role.inputs.assumeRolePolicy)) as { Statement: Record<string, any>[] }
                ).Statement;
                assert.deepEqual(
                    statements.map((statement) => [statement.Effect, statement.Principal, statement.Action]),
                    [["Allow", { Service: "ecs-tasks.amazonaws.com" }, "sts:AssumeRole"]],
                );
                assert.deepEqual(statements[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
            }
        });

        it("the load balancer drops invalid header fields", () => {
            assert.equal(current().one(tokens.loadBalancer).inputs.dropInvalidHeaderFields, true);
        });
    });
}
