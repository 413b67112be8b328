// The usage assumptions and their flag: documented defaults, and one clear line for each kind of bad --assume.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { assumptionKeys, defaultAssumptions, parseAssumptions } from "../../../../tools/plan/cost/assumptions";
import { runPlan, Scratch } from "../planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

describe("the cost assumptions", () => {
    it("have a default for every key, 730 hours a month among them", () => {
        assert.equal(defaultAssumptions.values.hoursPerMonth, 730);
        assert.deepEqual(Object.keys(defaultAssumptions.values), assumptionKeys);
        assert.deepEqual(parseAssumptions([]), defaultAssumptions);
    });

    it("refuses each bad --assume in one line naming the flag, the key, the value and what is allowed", () => {
        const refused: [string, RegExp][] = [
            [
                "logGbPerTaskMonth",
                /^Error: --assume logGbPerTaskMonth: expected key=value, e\.g\. --assume logGbPerTaskMonth=2$/,
            ],
            [
                "rps=5",
                /^Error: --assume rps=5: unknown key "rps"; allowed: hoursPerMonth, requestsPerSecond, .*s3StorageGbPerBucket \(docs\/cost\.md\)$/,
            ],
            [
                "logGbPerTaskMonth=-1",
                /^Error: --assume logGbPerTaskMonth=-1: "-1" is not allowed for logGbPerTaskMonth \(GB of logs each running task writes to CloudWatch Logs a month\); allowed: a number from 0 to 100000$/,
            ],
            [
                "imageSizeGb=big",
                /^Error: --assume imageSizeGb=big: "big" is not allowed for imageSizeGb .*; allowed: a number from 0 to 100$/,
            ],
            ["hoursPerMonth=730.5", /^Error: --assume hoursPerMonth=730\.5: .*allowed: a whole number from 1 to 744$/],
            ["deploysPerMonth=", /^Error: --assume deploysPerMonth=: "" is not allowed for deploysPerMonth/],
        ];
        for (const [setting, message] of refused) {
            assert.throws(() => parseAssumptions([setting]), message, setting);
        }
        assert.throws(
            () => parseAssumptions(["deploysPerMonth=2", "deploysPerMonth=3"]),
            /^Error: --assume deploysPerMonth is given twice; give each key once$/,
        );
    });

    it("reaches the user as one line and exit status 1, never a stack trace", () => {
        const result = runPlan(["dev", "--assume", "requestsPerSecond=-3"]);
        assert.equal(result.status, 1);
        assert.equal(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /^--assume requestsPerSecond=-3: "-3" is not allowed for requestsPerSecond/);
        const missing = runPlan(["dev", "--assume"]);
        assert.match(missing.stderr, /^--assume needs KEY=VALUE, e\.g\. --assume logGbPerTaskMonth=2; usage: /);
    });

    it("an aws:region without a price table is one line naming it, before the program runs", () => {
        const project = scratch.project("eu", {
            files: { "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-3\n" },
        });
        const result = runPlan(["dev"], project);
        assert.equal(result.status, 1);
        assert.equal(
            result.stderr,
            'aws:region is "eu-west-3", which has no price table; the cost estimate has tables for: us-east-1 (tools/plan/cost/prices/)\n',
        );
    });

    it("moves the estimate the plan prints", () => {
        const result = runPlan(["dev", "--assume", "logGbPerTaskMonth=10"]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^ +\$5\.00 {2}CloudWatch Logs ingestion \(Standard\), app-logs$/m);
        assert.match(result.stdout, /^ {4}logGbPerTaskMonth=10 +\(set\) +GB of logs each running task writes/m);
    });
});
