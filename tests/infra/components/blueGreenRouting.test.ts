// The BlueGreenRouting component alone: one instance per case, from a baseArgs object.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    BlueGreenRouting,
    BlueGreenRoutingArgs,
    testTrafficHeader,
} from "../../../infra/loadBalancer/blueGreenRouting";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const listenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web-alb/0123456789abcdef/aaaa";
const primaryTargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/1111111111111111";

const baseArgs: BlueGreenRoutingArgs = {
    productionListenerArn: listenerArn,
    primaryTargetGroupArn,
    vpcId: "vpc-0123456789abcdef0",
    containerPort: 8080,
    healthCheckPath: "/health",
    deregistrationDelaySeconds: 30,
};

describe("BlueGreenRouting", () => {
    it("adds a second target group that registers, checks and drains tasks as the first does", async () => {
        const declared = await declaredBy(
            new BlueGreenRouting("twin", { ...baseArgs, containerPort: 9000, healthCheckPath: "/healthz" }),
        );
        const group = declared.one(tokens.targetGroup).inputs;
        assert.deepEqual(
            [group.targetType, group.protocol, group.port, group.vpcId, group.deregistrationDelay],
            ["ip", "HTTP", 9000, baseArgs.vpcId, 30],
        );
        assert.deepEqual(group.healthCheck, {
            protocol: "HTTP",
            path: "/healthz",
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        });
    });

    it("sends all production traffic to the primary group until ECS shifts the weights", async () => {
        const routing = new BlueGreenRouting("production", baseArgs);
        const declared = await declaredBy(routing);
        const rule = declared.one(tokens.listenerRule, "production-production");
        assert.equal(rule.inputs.listenerArn, listenerArn);
        assert.deepEqual(rule.inputs.conditions, [{ pathPattern: { values: ["/*"] } }]);
        assert.deepEqual(rule.inputs.actions, [
            {
                type: "forward",
                forward: {
                    targetGroups: [
                        { arn: primaryTargetGroupArn, weight: 100 },
                        { arn: declared.one(tokens.targetGroup).outputs.arn, weight: 0 },
                    ],
                },
            },
        ]);
        assert.equal(await promiseOf(routing.productionListenerRuleArn), rule.outputs.arn);
    });

    it("routes requests with the test header to the candidate group, ahead of the production rule", async () => {
        const routing = new BlueGreenRouting("test", baseArgs);
        const declared = await declaredBy(routing);
        const test = declared.one(tokens.listenerRule, "test-test");
        const production = declared.one(tokens.listenerRule, "test-production");
        assert.deepEqual(test.inputs.conditions, [
            { httpHeader: { httpHeaderName: "X-Release-Candidate", values: ["true"] } },
        ]);
        assert.deepEqual(testTrafficHeader, { name: "X-Release-Candidate", value: "true" });
        assert.deepEqual(test.inputs.actions, [
            {
                type: "forward",
                forward: { targetGroups: [{ arn: declared.one(tokens.targetGroup).outputs.arn, weight: 100 }] },
            },
        ]);
        assert.ok(Number(test.inputs.priority) < Number(production.inputs.priority));
        assert.equal(await promiseOf(routing.testListenerRuleArn), test.outputs.arn);
    });

    it("lets ECS own both rules' actions, so pulumi up never moves traffic back", async () => {
        const declared = await declaredBy(new BlueGreenRouting("owned", baseArgs));
        for (const rule of declared.all(tokens.listenerRule)) {
            assert.deepEqual(rule.ignoreChanges, ["actions"], rule.name);
        }
    });

    it("hands out the second group only once both rules forward to it, as ECS requires", async () => {
        const routing = new BlueGreenRouting("order", baseArgs);
        const declared = await declaredBy(routing);
        assert.equal(await promiseOf(routing.alternateTargetGroupArn), declared.one(tokens.targetGroup).outputs.arn);
        assert.equal(
            await promiseOf(routing.alternateTargetGroupArnSuffix),
            declared.one(tokens.targetGroup).outputs.arnSuffix,
        );
    });
});
