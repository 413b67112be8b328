// The command line: one stack, four optional files, a base label, assumptions, and a clear refusal of anything else.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArgs } from "../../../tools/plan/cli/args";
import { defaultAssumptions } from "../../../tools/plan/cost/assumptions";

describe("the plan's command line", () => {
    it("takes the stack and the four files in any order", () => {
        assert.deepEqual(
            parseArgs(["--markdown", "p.md", "prod", "--diff", "b.json", "--json", "p.json", "--mermaid", "p.mmd"]),
            {
                help: false,
                stack: "prod",
                markdown: "p.md",
                diff: "b.json",
                json: "p.json",
                mermaid: "p.mmd",
                assumptions: defaultAssumptions,
            },
        );
    });

    it("takes a label for the base of --diff, and assumptions, each --assume once per key", () => {
        const args = parseArgs([
            "prod",
            "--assume",
            "deploysPerMonth=4",
            "--diff",
            "/tmp/x.json",
            "--base-label",
            "main @ 1a2b3c4d",
            "--assume",
            "logGbPerTaskMonth=0.5",
        ]);
        assert.equal(args.baseLabel, "main @ 1a2b3c4d");
        assert.equal(args.assumptions.values.deploysPerMonth, 4);
        assert.equal(args.assumptions.values.logGbPerTaskMonth, 0.5);
        assert.equal(args.assumptions.values.hoursPerMonth, 730);
        assert.deepEqual(args.assumptions.overridden, ["deploysPerMonth", "logGbPerTaskMonth"]);
    });

    it("refuses a base label without --diff, an empty or multi-line one, and a label given twice", () => {
        assert.throws(
            () => parseArgs(["dev", "--base-label", "main"]),
            /^Error: --base-label names the base of --diff; give --diff BASE\.json too$/,
        );
        assert.throws(
            () => parseArgs(["dev", "--diff", "b.json", "--base-label", "a\nb"]),
            /--base-label needs a label of 1 to 100 printable characters/,
        );
        assert.throws(() => parseArgs(["dev", "--diff", "b.json", "--base-label"]), /--base-label needs a label/);
        assert.throws(
            () => parseArgs(["dev", "--diff", "b.json", "--base-label", "a", "--base-label", "b"]),
            /--base-label is given twice/,
        );
    });

    it("prints its usage for --help", () => {
        assert.equal(parseArgs(["dev", "--help"]).help, true);
    });

    it("refuses a file given twice, and a stack name no stack file could have", () => {
        assert.throws(
            () => parseArgs(["dev", "--json", "a", "--json", "b"]),
            /^Error: --json is given twice; give each file once$/,
        );
        assert.throws(() => parseArgs(["../dev"]), /stack name "\.\.\/dev" is not valid: letters, digits, _ \. - only/);
    });
});
