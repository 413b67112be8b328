// The command line: one stack, four optional files, and a clear refusal of anything else.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseArgs } from "../../../tools/plan/cli/args";

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
            },
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
