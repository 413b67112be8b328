// The pack as a whole: what docs/policy.md says of each policy is what the pack does, and the pack judges the type
// tokens the program declares.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { resourceTypes } from "../../tools/resourceTypes";
import { packDir, packForThisFile } from "./packUnderTest";

const pack = packForThisFile();
const docs = fs.readFileSync(path.join(packDir, "..", "docs", "policy.md"), "utf8");

describe("the policy pack", () => {
    it("is documented in docs/policy.md: one table row per policy, with the level the pack gives it", async () => {
        const { policies } = await pack.judge([]);
        const documented = [...docs.matchAll(/^\| `([a-z0-9-]+)` \| (mandatory|advisory|off) \|/gm)].map(
            ([, name, level]) => `${name} ${level}`,
        );
        assert.deepEqual(
            documented.sort(),
            policies.map((policy) => `${policy.name} ${policy.level === "disabled" ? "off" : policy.level}`).sort(),
        );
    });

    it("judges the type tokens the program declares, as tools/resourceTypes.ts names them", async () => {
        const { types } = (await import(path.join(packDir, "bin", "policies", "scope.js"))) as {
            types: Record<string, string | readonly string[]>;
        };
        const tokens = new Set(Object.values(types).flat());
        const declared: string[] = Object.values(resourceTypes);
        const judgedHere = [...tokens].filter((token) => declared.includes(token));
        for (const name of [
            "repository",
            "securityGroup",
            "ingressRule",
            "loadBalancer",
            "listener",
            "subnet",
            "taskDefinition",
            "service",
            "logGroup",
            "scalingTarget",
            "role",
            "rolePolicy",
        ] as const) {
            assert.ok(judgedHere.includes(resourceTypes[name]), `the pack judges ${resourceTypes[name]}`);
        }
    });
});
