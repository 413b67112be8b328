// Blue/green behind HTTPS, with alarm mail: the production rules move to the HTTPS listener while HTTP only
// redirects. Run under mocked providers from the dev stack file plus these overrides.
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

const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";

let stack: StackRun;
before(async () => {
    stack = await runStack("dev", {
        certificateArn,
        deploymentStrategy: "blueGreen",
        minimumHealthyPercent: "100",
        rollbackOnAlarm: "true",
        bakeTimeMinutes: "5",
        alarmEmail: "oncall@example.com",
    });
});

describe("resource graph with blue/green, HTTPS and alarm mail", () => {
    it("adds the HTTPS listener, its ingress rules, the blue/green pieces and the email subscription", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...addCounts(coreResourceCounts, blueGreenResourceCounts),
            [tokens.listener]: 2,
            [tokens.ingressRule]: 5,
            [tokens.snsSubscription]: 1,
        });
    });

    it("keeps port 80 a plain redirect: blue/green fails on a listener that mixes forward and other actions", () => {
        const [http] = stack.where(tokens.listener, "port", 80);
        assert.deepEqual(
            (http.inputs.defaultActions as Record<string, unknown>[]).map((action) => action.type),
            ["redirect"],
        );
        assert.deepEqual(
            stack.all(tokens.listenerRule).filter((rule) => rule.inputs.listenerArn === http.outputs.arn),
            [],
        );
    });

    it("mails the configured address about every alarm", () => {
        const subscription = stack.one(tokens.snsSubscription).inputs;
        assert.deepEqual(
            [subscription.protocol, subscription.endpoint, subscription.topic],
            ["email", "oncall@example.com", stack.one(tokens.snsTopic).outputs.arn],
        );
    });
});

describeSecurityInvariants(() => stack, { containerPort: 8080, buildsImage: true });

describeBlueGreen(() => stack, { bakeTimeMinutes: 5, productionPort: 443 });

describeOutputs(() => stack, { scheme: "https", logGroupName: "/ecs/fargate-service/dev" });
