// The one table of resource types stays complete: every type the stacks declare and every type the mocks model is in it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { awsResourceModels } from "../../tools/mocks/awsModels";
import { resourceTypes } from "../../tools/resourceTypes";
import { projectRoot } from "../infra/stackRun";

const known = new Set<string>(Object.values(resourceTypes));

describe("the resource-type table", () => {
    for (const stack of ["dev", "prod"]) {
        it(`holds every provider type of the reviewed ${stack} plan`, () => {
            const snapshot = JSON.parse(
                fs.readFileSync(path.join(projectRoot, "tests", "tools", "plan", "snapshots", `${stack}.json`), "utf8"),
            ) as { resources: { type: string; custom: boolean }[] };
            const types = new Set(
                snapshot.resources.filter((resource) => resource.custom).map((resource) => resource.type),
            );
            assert.ok(types.size > 10);
            assert.deepEqual(
                [...types].filter((type) => !known.has(type)),
                [],
            );
        });
    }

    it("holds every type the mock engine models, and the engine models every type it holds", () => {
        const modelled = Object.keys(awsResourceModels);
        assert.deepEqual(
            modelled.filter((type) => !known.has(type)),
            [],
        );
        assert.deepEqual(
            [...known].filter((type) => !modelled.includes(type)),
            [],
        );
    });
});
