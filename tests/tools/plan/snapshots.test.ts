// The dev and prod plans, compared byte for byte with the reviewed snapshots in snapshots/. A plan that changes
// fails here until someone has looked at it: UPDATE_PLAN_SNAPSHOTS=1 rewrites the files, and `git diff` (or
// `npm run plan -- <stack> --diff tests/tools/plan/snapshots/<stack>.json`) shows what to review.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { diffSnapshots } from "../../../tools/plan/diff/diff";
import { diffLines } from "../../../tools/plan/render/diffText";
import { Snapshot } from "../../../tools/plan/model/snapshot";
import { PlanResult, repositoryRoot, runPlan, Scratch } from "./planCli";

const snapshotDir = path.join(repositoryRoot, "tests", "tools", "plan", "snapshots");
const updating = process.env.UPDATE_PLAN_SNAPSHOTS === "1";
const scratch = new Scratch();
after(() => scratch.cleanUp());

for (const stack of ["dev", "prod"]) {
    describe(`the ${stack} plan`, () => {
        const reviewed = path.join(snapshotDir, `${stack}.json`);
        const written = scratch.file(`${stack}.json`);
        let plan: PlanResult;
        before(() => {
            plan = runPlan([stack, "--json", written]);
        });

        it("matches the reviewed snapshot exactly", (t) => {
            assert.equal(plan.status, 0, plan.stderr);
            const actual = fs.readFileSync(written, "utf8");
            if (updating) {
                fs.writeFileSync(reviewed, actual);
                t.diagnostic(`rewrote ${reviewed}; review it with git diff before committing`);
                return;
            }
            const expected = fs.readFileSync(reviewed, "utf8");
            if (actual !== expected) {
                const diff = diffSnapshots(JSON.parse(expected) as Snapshot, JSON.parse(actual) as Snapshot);
                assert.fail(
                    `the ${stack} plan differs from ${reviewed}; if the change is intended, rerun with ` +
                        `UPDATE_PLAN_SNAPSHOTS=1 and review the git diff.\n${diffLines(diff, reviewed).join("\n")}`,
                );
            }
        });

        it("says it is a plan of what the program declares under mocks, not a cloud diff", () => {
            assert.match(plan.stdout, /^Offline plan of stack \w+ \(project fargate-service\)\n/);
            assert.match(
                plan.stdout,
                /what the Pulumi program declares, run offline under mocked providers: not a cloud diff/,
            );
            const snapshot = JSON.parse(fs.readFileSync(written, "utf8")) as Snapshot;
            assert.match(snapshot.plan, /not a cloud diff/);
        });

        it("supplies a labelled placeholder image tag, so that plans of different commits compare equal", () => {
            const snapshot = JSON.parse(fs.readFileSync(written, "utf8")) as Snapshot;
            assert.deepEqual(snapshot.imageTag, { value: "offline-plan", source: "placeholder" });
            assert.match(
                plan.stdout,
                /Image tag: offline-plan, a placeholder, as no stack file sets `fargate-service:imageTag`/,
            );
        });

        it("finds no change against the reviewed snapshot on a second run, and exits 0", () => {
            const again = runPlan([stack, "--diff", reviewed]);
            assert.equal(again.status, 0, again.stdout + again.stderr);
            assert.match(again.stdout, /No change: the program declares the same configuration, resources and outputs/);
        });
    });
}
