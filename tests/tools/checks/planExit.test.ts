// The offline plan reports the AWS API check for the stack it plans: "none" with what it checked, or each input AWS
// would refuse, on stdout in its section and on stderr, with exit status 1 (as `pulumi up` would fail).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { after, describe, it } from "node:test";
import { runPlan, Scratch } from "../plan/planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

describe("the plan's AWS API rules", () => {
    it("for dev: none refused, with the count of inputs and the models' version; exit status 0", () => {
        const result = runPlan(["dev"]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(
            result.stdout,
            /^AWS API rules\n {2}none: \d+ inputs of \d+ resources checked against botocore \d+\.\d+\.\d+ \(\d+ model rules, \d+ documented rules\)\n\n/m,
        );
    });

    it("for a stack whose name ECS refuses in the task family: the input, value, rule and source; exit status 1", () => {
        const project = scratch.project("dotted-stack", {
            files: { "Pulumi.qa.eu.yaml": fs.readFileSync(`${scratch.project("source")}/Pulumi.dev.yaml`, "utf8") },
        });
        const markdown = scratch.file("qa.eu.md");
        const result = runPlan(["qa.eu", "--markdown", markdown], project);
        const refusal =
            'AWS would refuse: app-task family = "fargate-service-qa.eu": up to 255 letters, digits, underscores and ' +
            "hyphens (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)";
        assert.equal(result.status, 1);
        assert.equal(result.stderr, `${refusal}\n`);
        assert.ok(result.stdout.includes(`AWS API rules\n  ${refusal}\n`), result.stdout);
        assert.ok(fs.readFileSync(markdown, "utf8").includes(`#### AWS API rules\n\n- \`${refusal}\``));
    });
});
