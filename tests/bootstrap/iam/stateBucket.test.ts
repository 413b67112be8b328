// A self-managed backend's bucket: each environment's deploy role reads and writes only its own stack's state.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stackStateKeys } from "../../../bootstrap/permissions/stateBucket";
import { account, deployPermissions, deployPrincipal, environments, otherThan } from "./fixture";
import { decide } from "./simulator";

const bucket = `arn:aws:s3:::${account.stateBucket}`;
/** One key under each of the stack's state prefixes, as the DIY backend writes them. */
const keysOf = (environment: string) =>
    stackStateKeys(environment).map((pattern) =>
        pattern.replace("*", pattern.endsWith(".json*") ? ".bak" : "20261202T101500.json"),
    );

for (const environment of environments) {
    describe(`the ${environment} deploy role and the state bucket`, () => {
        const policy = deployPermissions(environment);
        const decision = (action: string, key: string) =>
            decide(
                { identity: [policy] },
                { principal: deployPrincipal(environment), action, resource: `${bucket}/${key}`, context: {} },
            );

        it("reads the backend's metadata and reads and writes its own stack's state, history, backups and lock", async () => {
            assert.equal(await decision("s3:GetObject", ".pulumi/meta.yaml"), "Allowed");
            for (const key of keysOf(environment)) {
                for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
                    assert.equal(await decision(action, key), "Allowed", `${action} ${key}`);
                }
            }
        });

        it(`neither reads nor writes ${otherThan(environment)}'s state`, async () => {
            for (const key of keysOf(otherThan(environment))) {
                for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]) {
                    assert.equal(await decision(action, key), "ImplicitlyDenied", `${action} ${key}`);
                }
            }
        });
    });
}
