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

    it("for a stack whose name ECS refuses in the task family and KMS in the alias: the input, value, rule and source; exit status 1", () => {
        const project = scratch.project("dotted-stack", {
            files: { "Pulumi.qa.eu.yaml": fs.readFileSync(`${scratch.project("source")}/Pulumi.dev.yaml`, "utf8") },
        });
        const markdown = scratch.file("qa.eu.md");
        const result = runPlan(["qa.eu", "--markdown", markdown], project);
        const refusals = [
            'AWS would refuse: app-task family = "fargate-service-qa.eu": up to 255 letters, digits, underscores and ' +
                "hyphens (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)",
            // KMS's alias pattern has no period either: the stack name reaches the alarms key's alias too.
            'AWS would refuse: alarms-topic-key name = "alias/fargate-service-qa.eu-alarms": matches the pattern ' +
                "^[a-zA-Z0-9:/_-]+$ (kms CreateAlias.AliasName (shape AliasNameType))",
        ];
        assert.equal(result.status, 1);
        assert.equal(result.stderr, refusals.map((line) => `${line}\n`).join(""));
        assert.ok(
            result.stdout.includes(`AWS API rules\n${refusals.map((line) => `  ${line}\n`).join("")}`),
            result.stdout,
        );
        const section = fs.readFileSync(markdown, "utf8");
        assert.ok(
            section.includes(`#### AWS API rules\n\n${refusals.map((line) => `- \`${line}\``).join("\n")}`),
            section,
        );
    });
});
