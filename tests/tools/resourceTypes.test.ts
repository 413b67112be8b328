// The one table of resource types stays complete: every type the stacks declare and every type the mocks model is in
// it. Custom resources and multi-language components are kept apart: the mock engine models a custom resource per
// type, and a multi-language component as a whole, from a table of its own.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { awsComponentModels, awsResourceModels } from "../../tools/mocks/awsModels";
import { componentTypes, resourceTypes } from "../../tools/resourceTypes";
import { projectRoot } from "../infra/stackRun";

const known = new Set<string>(Object.values(resourceTypes));
const components = new Set<string>(Object.values(componentTypes));

describe("the resource-type table", () => {
    for (const stack of ["dev", "prod"]) {
        const snapshot = () =>
            JSON.parse(
                fs.readFileSync(path.join(projectRoot, "tests", "tools", "plan", "snapshots", `${stack}.json`), "utf8"),
            ) as { project: string; resources: { type: string; custom: boolean }[] };

        it(`holds every provider type of the reviewed ${stack} plan`, () => {
            const types = new Set(
                snapshot()
                    .resources.filter((resource) => resource.custom)
                    .map((resource) => resource.type),
            );
            assert.ok(types.size > 10);
            assert.deepEqual(
                [...types].filter((type) => !known.has(type)),
                [],
            );
        });

        it(`holds every multi-language component of the reviewed ${stack} plan, apart from the provider types`, () => {
            const { project, resources } = snapshot();
            const foreign = resources
                .filter((resource) => !resource.custom)
                .map((resource) => resource.type)
                .filter((type) => type !== "pulumi:pulumi:Stack" && !type.startsWith(`${project}:`));
            assert.deepEqual(
                foreign.filter((type) => !components.has(type)),
                [],
            );
            assert.deepEqual(
                [...components].filter((type) => known.has(type)),
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

    it("holds every component the mock engine models, and the engine models every component it holds", () => {
        assert.deepEqual(Object.keys(awsComponentModels).sort(), [...components].sort());
    });
});
