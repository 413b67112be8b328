// Each environment's deploy role, evaluated by a real IAM policy engine (simulator.ts): it may make every call the
// providers make for the types the stacks declare, in its own environment, and change nothing of the other's.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { declaredCalls } from "../../../bootstrap/providerCalls";
import { crossEnvironmentChanges, deniedCalls, describe as describeFindings } from "./checks";
import { deployPermissions, environments, everyRow } from "./fixture";
import { account, deployPrincipal } from "./fixture";
import { requestsFor } from "./requests";
import { decide } from "./simulator";
import { boundaryArn } from "../../../bootstrap/githubRoles";

for (const environment of environments) {
    describe(`the ${environment} deploy role`, () => {
        const policy = deployPermissions(environment);

        it("may make every call of the provider-call table for the declared types", async () => {
            const denied = await deniedCalls(declaredCalls(), environment, policy);
            assert.equal(denied.length, 0, `\n${describeFindings(denied)}`);
        });

        it("changes nothing of the other environment's, but what every environment shares", async () => {
            const reached = await crossEnvironmentChanges(declaredCalls(), environment, policy);
            assert.equal(reached.length, 0, `\n${describeFindings(reached)}`);
        });

        it("will be ready for the pending types: their calls are allowed and held to the environment once declared", async () => {
            const ready = deployPermissions(environment, everyRow);
            const pending = everyRow.filter((row) => row.pending !== undefined);
            const denied = await deniedCalls(pending, environment, ready);
            const reached = await crossEnvironmentChanges(pending, environment, ready);
            assert.equal(denied.length + reached.length, 0, `\n${describeFindings([...denied, ...reached])}`);
        });
    });
}

describe("issue 11, finding 1", () => {
    it("the prod deploy may read a scalable target's tags right after registering it", async () => {
        const row = declaredCalls().find((candidate) => candidate.type === "aws:appautoscaling/target:Target");
        const call = row?.calls.find((candidate) => candidate.action === "application-autoscaling:ListTagsForResource");
        assert.ok(call, "the scalable target's row lists ListTagsForResource");
        const [request] = await requestsFor(
            call,
            deployPrincipal("prod"),
            account,
            "prod",
            boundaryArn(account, "prod"),
        );
        assert.equal(await decide({ identity: [deployPermissions("prod")] }, request), "Allowed");
    });
});
