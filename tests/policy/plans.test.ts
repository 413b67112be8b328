// The offline plan runs the whole pack over each stack: the stacks pass it, and a stack file that breaks a rule
// makes the plan fail with the violation printed, as `pulumi preview --policy-pack policy` would refuse it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { repositoryRoot, runPlan, Scratch } from "../tools/plan/planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

describe("the offline plan and the policy pack", () => {
    it("dev passes every mandatory policy; the plan shows the pack's verdict", () => {
        const result = runPlan(["dev"]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(
            result.stdout,
            /^Policy pack\n {2}fargate-service 1\.0\.0: \d+ policies on \(\d+ mandatory(, \d+ advisory)?\), \d+ off$/m,
        );
        assert.doesNotMatch(result.stdout, /^ {2}mandatory /m);
    });

    it("prod, HTTPS on its own domain, passes every mandatory policy", () => {
        const result = runPlan(["prod"]);
        assert.equal(result.status, 0, result.stderr);
        assert.doesNotMatch(result.stdout, /^ {2}mandatory /m);
    });

    it("a copy of Pulumi.prod.yaml with deletion protection off fails the plan: exit 3, the violation on stderr, in the plan and in its Markdown", () => {
        const stackFile = fs.readFileSync(path.join(repositoryRoot, "Pulumi.prod.yaml"), "utf8");
        const project = scratch.project("prod-unprotected", {
            files: {
                "Pulumi.prod.yaml": `${stackFile.trimEnd()}\n  fargate-service:deletionProtection: false\n`,
            },
        });
        const markdown = scratch.file("unprotected.md");
        const result = runPlan(["prod", "--markdown", markdown], project);
        assert.equal(result.status, 3, result.stderr);
        assert.equal(
            result.stderr,
            "the policy pack refuses stack prod: 1 mandatory violation(s), as pulumi preview --policy-pack policy would report\n" +
                "  mandatory  elb-deletion-protection-enabled  web-alb (aws:lb/loadBalancer:LoadBalancer): Deletion Protection must be enabled.\n",
        );
        assert.match(result.stdout, /^ {2}mandatory +elb-deletion-protection-enabled +web-alb /m);
        assert.match(
            fs.readFileSync(markdown, "utf8"),
            /\| mandatory \| `elb-deletion-protection-enabled` \| web-alb \(aws:lb\/loadBalancer:LoadBalancer\) \| Deletion Protection must be enabled\. \|/,
        );
    });
});
