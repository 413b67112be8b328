// How a whole stack deploys a release, shared by the stack tests: the strategy on the ECS service, the alarms it
// watches, and for blue/green the load balancer pieces and ECS's role.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testTrafficHeader } from "../../infra/loadBalancer/blueGreenRouting";
import { StackRun, tokens } from "./stackRun";

type Inputs = Record<string, any>;

export interface RollingExpectations {
    minimumHealthyPercent: number;
    rollbackOnAlarm: boolean;
}

export interface BlueGreenExpectations {
    bakeTimeMinutes: number;
    /** The listener the rules must sit on: 80 without HTTPS, 443 with it. */
    productionPort: 80 | 443;
}

function service(stack: StackRun): Inputs {
    return stack.one(tokens.service).inputs;
}

/** The service watches exactly the stack's three alarms, with rollback as configured. */
export function describeDeploymentAlarms(current: () => StackRun, rollbackOnAlarm: boolean): void {
    it(`watches the stack's three alarms during deployments, rollback on alarm ${rollbackOnAlarm ? "on" : "off"}`, () => {
        const names = current()
            .all(tokens.metricAlarm)
            .map((alarm) => alarm.outputs.name)
            .sort();
        assert.equal(names.length, 3);
        const alarms = service(current()).alarms as Inputs;
        assert.deepEqual([...(alarms.alarmNames as string[])].sort(), names);
        assert.deepEqual([alarms.enable, alarms.rollback], [rollbackOnAlarm, rollbackOnAlarm]);
    });
}

export function describeRolling(current: () => StackRun, expected: RollingExpectations): void {
    describe("rolling deployments", () => {
        it(`replaces tasks in place (ROLLING), keeping ${expected.minimumHealthyPercent} % in service, up to 200 %`, () => {
            const inputs = service(current());
            assert.deepEqual(inputs.deploymentConfiguration, { strategy: "ROLLING" });
            assert.deepEqual(
                [inputs.deploymentMinimumHealthyPercent, inputs.deploymentMaximumPercent],
                [expected.minimumHealthyPercent, 200],
            );
            assert.deepEqual(inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
        });

        it("has no second target group, no listener rules and no role for ECS", () => {
            const stack = current();
            assert.equal(stack.all(tokens.targetGroup).length, 1);
            assert.deepEqual(stack.all(tokens.listenerRule), []);
            assert.equal((service(stack).loadBalancers as Inputs[])[0].advancedConfiguration, undefined);
        });

        describeDeploymentAlarms(current, expected.rollbackOnAlarm);
    });
}

export function describeBlueGreen(current: () => StackRun, expected: BlueGreenExpectations): void {
    const rules = () => {
        const stack = current();
        const [test, production] = ["web-bluegreen-test", "web-bluegreen-production"].map((name) =>
            stack.one(tokens.listenerRule, name),
        );
        return { stack, test, production };
    };

    describe("blue/green deployments", () => {
        it(`deploys BLUE_GREEN with a ${expected.bakeTimeMinutes}-minute bake, the circuit breaker on, at 100-200 %`, () => {
            const inputs = service(current());
            assert.deepEqual(inputs.deploymentConfiguration, {
                strategy: "BLUE_GREEN",
                bakeTimeInMinutes: String(expected.bakeTimeMinutes),
            });
            assert.deepEqual([inputs.deploymentMinimumHealthyPercent, inputs.deploymentMaximumPercent], [100, 200]);
            assert.deepEqual(inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
        });

        it("names the second target group, both listener rules and ECS's role in the advanced configuration", () => {
            const { stack, test, production } = rules();
            const [lb] = service(stack).loadBalancers as Inputs[];
            const alternate = stack.one(tokens.targetGroup, "web-bluegreen-tg");
            const role = stack.one(tokens.role, "app-bluegreen-role");
            assert.equal(lb.targetGroupArn, stack.one(tokens.targetGroup, "web-tg").outputs.arn);
            assert.deepEqual(lb.advancedConfiguration, {
                alternateTargetGroupArn: alternate.outputs.arn,
                productionListenerRule: production.outputs.arn,
                testListenerRule: test.outputs.arn,
                roleArn: role.outputs.arn,
            });
        });

        it(`puts both rules on the ${expected.productionPort} listener: the test header first, then all paths at 100/0`, () => {
            const { stack, test, production } = rules();
            const [listener] = stack.where(tokens.listener, "port", expected.productionPort);
            const primary = stack.one(tokens.targetGroup, "web-tg").outputs.arn;
            const alternate = stack.one(tokens.targetGroup, "web-bluegreen-tg").outputs.arn;
            assert.equal(test.inputs.listenerArn, listener.outputs.arn);
            assert.equal(production.inputs.listenerArn, listener.outputs.arn);
            assert.ok(Number(test.inputs.priority) < Number(production.inputs.priority));
            assert.deepEqual(test.inputs.conditions, [
                { httpHeader: { httpHeaderName: testTrafficHeader.name, values: [testTrafficHeader.value] } },
            ]);
            assert.deepEqual(production.inputs.conditions, [{ pathPattern: { values: ["/*"] } }]);
            assert.deepEqual(production.inputs.actions, [
                {
                    type: "forward",
                    forward: {
                        targetGroups: [
                            { arn: primary, weight: 100 },
                            { arn: alternate, weight: 0 },
                        ],
                    },
                },
            ]);
        });

        it("leaves the rules' weights to ECS once it has deployed", () => {
            const { test, production } = rules();
            assert.deepEqual([test.ignoreChanges, production.ignoreChanges], [["actions"], ["actions"]]);
        });

        it("lets ECS, and only ECS, shift only this stack's target groups, rules and production listener", () => {
            const { stack, test, production } = rules();
            const role = stack.one(tokens.role, "app-bluegreen-role");
            const trust = JSON.parse(String(role.inputs.assumeRolePolicy)) as { Statement: Inputs[] };
            assert.deepEqual(trust.Statement, [
                { Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" },
            ]);
            const [policy] = stack.where(tokens.rolePolicy, "role", role.id);
            const statements = (JSON.parse(String(policy.inputs.policy)) as { Statement: Inputs[] }).Statement;
            const [listener] = stack.where(tokens.listener, "port", expected.productionPort);
            assert.deepEqual(
                statements.map((statement) => [statement.Action, statement.Resource]),
                [
                    [
                        [
                            "elasticloadbalancing:DescribeListeners",
                            "elasticloadbalancing:DescribeRules",
                            "elasticloadbalancing:DescribeTargetGroups",
                            "elasticloadbalancing:DescribeTargetHealth",
                        ],
                        "*",
                    ],
                    [
                        ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
                        stack.all(tokens.targetGroup).map((group) => group.outputs.arn),
                    ],
                    ["elasticloadbalancing:ModifyRule", [production.outputs.arn, test.outputs.arn]],
                    ["elasticloadbalancing:ModifyListener", listener.outputs.arn],
                ],
            );
            assert.equal(role.inputs.managedPolicyArns, undefined);
        });

        it(`lets pulumi up wait out the bake: the service's update timeout is 20 min + bake + the alarms' window`, () => {
            const timeouts = current().one(tokens.service).customTimeouts;
            const latency = current().one(tokens.metricAlarm, "alarms-p99-latency").inputs;
            const minutes =
                20 +
                expected.bakeTimeMinutes +
                Math.ceil((Number(latency.evaluationPeriods) * Number(latency.period)) / 60);
            assert.deepEqual([timeouts.create, timeouts.update], [`${minutes}m`, `${minutes}m`]);
        });

        describeDeploymentAlarms(current, true);
    });
}
