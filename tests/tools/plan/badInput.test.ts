// Every bad input ends the plan with one line on stderr that names the file, key or flag and what is wrong,
// exit status 1, nothing on stdout and no stack trace.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { after, describe, it } from "node:test";
import { PlanResult, runPlan, Scratch } from "./planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

function assertRejected(result: PlanResult, message: RegExp): void {
    assert.equal(result.status, 1, `exit status; stderr: ${result.stderr}`);
    assert.equal(result.stdout, "");
    assert.doesNotMatch(result.stderr, /\n\s+at /, "a stack trace reached the user");
    assert.equal(result.stderr.trimEnd().split("\n").length, 1, `one line expected:\n${result.stderr}`);
    assert.match(result.stderr, message);
}

describe("bad stacks and stack files", () => {
    it("an unknown stack names the stack file it looked for and the stacks there are", () => {
        assertRejected(runPlan(["qa"]), /Pulumi\.qa\.yaml does not exist: no stack "qa" \(known: dev, prod\)$/m);
    });

    it("a missing Pulumi.<stack>.yaml names the file", () => {
        const project = scratch.project("no-prod-file", { files: { "Pulumi.prod.yaml": null } });
        assertRejected(
            runPlan(["prod"], project),
            /no-prod-file\/Pulumi\.prod\.yaml does not exist: no stack "prod" \(known: dev\)$/m,
        );
    });

    it("invalid YAML names the file and where the YAML breaks", () => {
        const project = scratch.project("bad-yaml", {
            files: { "Pulumi.dev.yaml": "config:\n  fargate-service:cpu: [256\n" },
        });
        assertRejected(runPlan(["dev"], project), /bad-yaml\/Pulumi\.dev\.yaml is not valid YAML: .*\(3:1\)$/m);
    });

    it("a value of the wrong type names the file, the key and the declared type", () => {
        const project = scratch.project("wrong-type", { setting: { stack: "dev", key: "cpu", value: "lots" } });
        assertRejected(
            runPlan(["dev"], project),
            /wrong-type\/Pulumi\.dev\.yaml: `fargate-service:cpu` is "lots"; Pulumi\.yaml declares it integer$/m,
        );
    });

    it("a value the program rejects names the key, the value and what is allowed", () => {
        const project = scratch.project("rejected", { setting: { stack: "dev", key: "memory", value: "4096" } });
        assertRejected(
            runPlan(["dev"], project),
            /^Invalid configuration: `fargate-service:memory` is "4096"; with cpu 256 Fargate allows memory 512, 1024 or 2048 \(MiB\)$/m,
        );
    });

    it("a directory without Pulumi.yaml says where the plan looked", () => {
        assertRejected(
            runPlan(["dev"], scratch.root),
            /^no Pulumi\.yaml in .* or above it: run the plan inside the repository$/m,
        );
    });
});

describe("bad base snapshots for --diff", () => {
    it("a missing file is named", () => {
        assertRejected(
            runPlan(["dev", "--diff", scratch.file("absent.json")]),
            /^--diff .*absent\.json does not exist$/m,
        );
    });

    it("an unreadable file is named with the reason", () => {
        assertRejected(runPlan(["dev", "--diff", scratch.root]), /^--diff .* cannot be read \(EISDIR\)$/m);
    });

    it("a file that is not JSON is named with the parser's complaint, on one line", () => {
        const file = scratch.file("not.json");
        fs.writeFileSync(file, "stack: dev\nresources: []\n");
        assertRejected(runPlan(["dev", "--diff", file]), /^--diff .*not\.json is not valid JSON: /m);
    });

    it("JSON that is not a snapshot names the first missing or wrong field", () => {
        const file = scratch.file("shape.json");
        fs.writeFileSync(
            file,
            JSON.stringify({ stack: "dev", resources: [{ urn: "u", type: "t", name: "n", inputs: [] }], outputs: {} }),
        );
        assertRejected(
            runPlan(["dev", "--diff", file]),
            /^--diff .*shape\.json is not a plan snapshot: `resources\[0\]\.inputs` is \[\]; expected an object; write one with npm run plan -- dev --json FILE$/m,
        );
    });

    it("a snapshot of another stack says which stack it is", () => {
        const file = scratch.file("prod.json");
        fs.writeFileSync(file, JSON.stringify({ stack: "prod", resources: [], outputs: {} }));
        assertRejected(
            runPlan(["dev", "--diff", file]),
            /^--diff .*prod\.json is a plan of stack "prod"; compare it with a plan of that stack, not "dev"$/m,
        );
    });
});

describe("bad command lines", () => {
    it("an unknown flag is named with the flags there are", () => {
        assertRejected(
            runPlan(["dev", "--jsn", "plan.json"]),
            /^unknown option --jsn; allowed: --json, --mermaid, --diff, --markdown, --base-label, --assume /m,
        );
    });

    it("a flag without its file says so", () => {
        assertRejected(
            runPlan(["dev", "--markdown"]),
            /^--markdown needs a file name, e.g\. --markdown plan\.md; usage: /m,
        );
        assertRejected(runPlan(["dev", "--json", "--diff", "base.json"]), /^--json needs a file name/m);
    });

    it("no stack, or two, is refused with the usage", () => {
        assertRejected(runPlan([]), /^no stack given, e\.g\. dev or prod; usage: npm run plan -- <stack> /m);
        assertRejected(runPlan(["dev", "prod"]), /^one stack at a time: got "dev" and "prod"/m);
    });

    it("an output file that cannot be written is named", () => {
        assertRejected(
            runPlan(["dev", "--json", scratch.file("missing-dir/plan.json")]),
            /^--json .*missing-dir\/plan\.json cannot be written: ENOENT/m,
        );
    });
});
