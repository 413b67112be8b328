// The preview role can make every call `pulumi preview` makes and none that changes a stack or AWS: no create,
// update or delete call of the provider-call table, no write to the state bucket, not even the stack lock (a DIY
// backend's preview takes none: bootstrap/permissions/stateBucket.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { declaredCalls } from "../../../bootstrap/providerCalls";
import { stackStateKeys } from "../../../bootstrap/permissions/stateBucket";
import { deniedPreviewCalls, describe as describeFindings, previewChanges } from "./checks";
import { account, environments, everyRow, previewPermissions, previewPrincipal } from "./fixture";
import { decide } from "./simulator";

describe("the preview role", () => {
    const policy = previewPermissions();

    it("may make every call pulumi preview makes: the provider's configuration and the data sources", async () => {
        const denied = await deniedPreviewCalls(declaredCalls(), policy);
        assert.equal(denied.length, 0, `\n${describeFindings(denied)}`);
    });

    it("may make none of the table's changes, in any environment, pending types included", async () => {
        const allowed = await previewChanges(everyRow, previewPermissions(everyRow));
        assert.equal(allowed.length, 0, `\n${describeFindings(allowed)}`);
    });

    it("reads both stacks' state and writes no key of the state bucket, locks included", async () => {
        const bucket = `arn:aws:s3:::${account.stateBucket}`;
        const request = (action: string, key: string) => ({
            principal: previewPrincipal,
            action,
            resource: `${bucket}/${key}`,
            context: { "aws:RequestedRegion": account.region },
        });
        for (const environment of environments) {
            const [stack, , , lock] = stackStateKeys(environment);
            const stackKey = stack.replace("*", "");
            assert.equal(await decide({ identity: [policy] }, request("s3:GetObject", stackKey)), "Allowed");
            for (const key of [stackKey, lock.replace("*", "0f9e8d7c.json"), ".pulumi/meta.yaml"]) {
                for (const action of ["s3:PutObject", "s3:DeleteObject"]) {
                    assert.equal(
                        await decide({ identity: [policy] }, request(action, key)),
                        "ImplicitlyDenied",
                        `${action} ${key}`,
                    );
                }
            }
        }
    });
});
