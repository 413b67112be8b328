// Issue 11, finding 10: a dev stack in a region without a default VPC fails with one line that says what to set,
// not with the provider's "no matching EC2 VPC found". The program runs in a process of its own, as the Pulumi CLI
// runs it: the resources that wait for the VPC are never registered, and the process ends with the one error.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { before, describe, it } from "node:test";

let outcome: { message?: string; runError?: boolean };
before(() => {
    // The fixture's process exits with status 1: Pulumi's runtime counts the resources that were never registered.
    const run = spawnSync(process.execPath, [path.join(__dirname, "fixtures", "withoutDefaultVpc.js")], {
        encoding: "utf8",
        timeout: 60_000,
    });
    outcome = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as typeof outcome;
});

describe("a dev stack in a region without a default VPC", () => {
    it("fails with one line naming the key, its value, the region and the two ways out", () => {
        assert.equal(
            outcome.message,
            '`fargate-service:vpc` is "default" but eu-north-1 has no default VPC; set it to dedicated ' +
                "(pulumi config set vpc dedicated), or create one with aws ec2 create-default-vpc --region eu-north-1",
        );
    });

    it("raises a RunError, which the Pulumi CLI prints without a stack trace", () => {
        assert.equal(outcome.runError, true);
    });
});
