// Both Pulumi.yaml files declare their keys as the Pulumi CLI accepts them, and the bootstrap's declared defaults are
// the ones its code applies.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { load } from "js-yaml";
import { readSettings } from "../../bootstrap/settings";
import { findProjectRoot } from "../../infra/registry/projectRoot";
import { REPOSITORY } from "./bootstrapRun";

const root = findProjectRoot(__dirname);

interface Declaration {
    readonly type?: string;
    readonly items?: { type?: string };
    readonly default?: unknown;
}

function declarations(file: string): Record<string, Declaration | string | number | boolean> {
    return (load(readFileSync(join(root, file), "utf8")) as { config: Record<string, Declaration> }).config;
}

/** pulumi/pulumi sdk/go/common/workspace/project.json: a config declaration's type is a SimpleConfigType, and an
 * array declares its items' type. `object` joined the list in July 2025 (pulumi/pulumi#20129, parsed since #20132;
 * the CLI's validation error lists "string", "integer", "boolean", "array", "object"), so the stack's map-valued keys
 * (`secrets`, `secretValues`) need a CLI of that age or newer, as docs/configuration.md says. */
const SIMPLE_CONFIG_TYPES = ["string", "integer", "boolean", "array", "object"];

describe("the project files", () => {
    for (const file of ["Pulumi.yaml", join("bootstrap", "Pulumi.yaml")]) {
        it(`${file} declares only the config types the Pulumi CLI accepts`, () => {
            for (const [key, declaration] of Object.entries(declarations(file))) {
                if (typeof declaration !== "object") continue;
                assert.ok(SIMPLE_CONFIG_TYPES.includes(declaration.type ?? ""), `${key}: type ${declaration.type}`);
                if (declaration.type === "array") assert.ok(declaration.items?.type, `${key}: an array without items`);
            }
        });
    }

    it("bootstrap/Pulumi.yaml's defaults are the ones the bootstrap applies", () => {
        pulumi.runtime.setAllConfig({ "fargate-service-bootstrap:githubRepository": REPOSITORY });
        const settings = readSettings(new pulumi.Config("fargate-service-bootstrap"));
        const declared = declarations(join("bootstrap", "Pulumi.yaml")) as Record<string, Declaration>;
        assert.deepEqual(declared.environments.default, settings.environments);
        assert.equal(declared.workloadRolePath.default, settings.workloadRolePath);
        assert.equal(declared.manageGitHubSettings.default, settings.manageGitHubSettings);
        const refs = Object.entries(settings.deployRefs).flatMap(([environment, list]) =>
            list.map((ref) => `${environment}=${ref}`),
        );
        assert.deepEqual(declared.deployRefs.default, refs);
    });
});
