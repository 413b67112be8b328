// docs/cost.md's worked examples are what `npm run plan` prints for dev and prod, and each of their lines can be
// redone by hand: the quantity shown times the unit price shown rounds to the monthly figure shown. When the plan's
// estimate changes, UPDATE_COST_DOC=1 rewrites the tables; read the git diff before committing it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { workedExample } from "../../tools/plan/cost/workedExample";
import { Snapshot } from "../../tools/plan/model/snapshot";
import { runPlan, Scratch } from "../tools/plan/planCli";
import { projectRoot } from "../infra/stackRun";

const page = path.join(projectRoot, "docs", "cost.md");
const scratch = new Scratch();
after(() => scratch.cleanUp());

const marked = (stack: string) =>
    new RegExp(`(<!-- worked-example: ${stack} -->\\n)([\\s\\S]*?)(\\n?<!-- /worked-example -->)`);

function block(text: string, stack: string): string | undefined {
    return marked(stack).exec(text)?.[2];
}

/** "365 to 1,095" → [365, 1095]; "$14.78" → [14.78, 14.78]. */
function amounts(cellText: string): [number, number] {
    const numbers = [...cellText.matchAll(/\$?(-?[\d,]+(?:\.\d+)?)/g)].map((m) => Number(m[1].replace(/,/g, "")));
    return [numbers[0], numbers.length > 1 && cellText.includes(" to ") ? numbers[1] : numbers[0]];
}

describe("docs/cost.md", () => {
    for (const stack of ["dev", "prod"]) {
        it(`shows the estimate npm run plan -- ${stack} prints, line by line and in total`, () => {
            const json = scratch.file(`${stack}.json`);
            const plan = runPlan([stack, "--json", json]);
            assert.equal(plan.status, 0, plan.stderr);
            const estimate = (JSON.parse(fs.readFileSync(json, "utf8")) as Snapshot).cost;
            assert.ok(estimate !== undefined);
            const expected = workedExample(stack, estimate).join("\n");
            const text = fs.readFileSync(page, "utf8");
            if (process.env.UPDATE_COST_DOC === "1") {
                fs.writeFileSync(
                    page,
                    text.replace(
                        marked(stack),
                        (_all, open: string, _old, close: string) => `${open}${expected}\n${close.trimStart()}`,
                    ),
                );
                return;
            }
            assert.equal(
                block(text, stack),
                expected,
                `docs/cost.md's ${stack} example differs; rerun with UPDATE_COST_DOC=1`,
            );
            const printedTotal = /^ {2}Total: (.*) a month/m.exec(plan.stdout)?.[1];
            assert.ok(expected.includes(`**Total: ${printedTotal} a month`), `the plan prints Total: ${printedTotal}`);
        });

        it(`lets a reader redo each ${stack} line: quantity x unit price rounds to the monthly figure`, () => {
            const rows = (block(fs.readFileSync(page, "utf8"), stack) ?? "")
                .split("\n")
                .filter((row) => row.startsWith("| ") && row.includes("]("));
            assert.ok(rows.length >= 10, `${stack}: too few priced rows`);
            for (const row of rows) {
                const cells = row.split(" | ");
                const [low, high] = amounts(cells[1]);
                const price = Number(/\[\$([\d.]+) per /.exec(cells[3])?.[1]);
                const [monthlyLow, monthlyHigh] = amounts(cells[4]);
                assert.equal(Math.round(low * price * 100 + 1e-6) / 100, monthlyLow, row);
                assert.equal(Math.round(high * price * 100 + 1e-6) / 100, monthlyHigh, row);
            }
        });
    }
});
