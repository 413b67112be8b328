// The bootstrap's deploy roles may create and pass only roles under its
// workload role path: each stack, as its files configure it, must create its
// task and execution roles under that same path, or `pulumi up` is denied.
// (The boundary reaches the stack through the deploy workflow; tests/workflows.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { load } from "js-yaml";
import { readSettings } from "../../bootstrap/settings";
import { parseSettings } from "../../infra/config/stackSettings";
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { findProjectRoot } from "../../infra/registry/projectRoot";
import { REPOSITORY } from "./bootstrapRun";

const projectRoot = findProjectRoot(__dirname);

function bootstrapDefaultRolePath(): string {
    pulumi.runtime.setAllConfig({ "fargate-service-bootstrap:githubRepository": REPOSITORY });
    return readSettings(new pulumi.Config("fargate-service-bootstrap")).workloadRolePath;
}

function stackRolePath(stack: string): string {
    const { project, config } = loadStackConfig(projectRoot, stack);
    const ciEnvironment = { GITHUB_SHA: "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a" };
    return parseSettings((key) => config[`${project}:${key}`], ciEnvironment, project).iamRolePath;
}

describe("the stacks' task roles and the bootstrap's deploy roles", () => {
    const rolePath = bootstrapDefaultRolePath();

    it("agree on the workload role path in the bootstrap's Pulumi.yaml and its code", () => {
        const declared = load(readFileSync(join(projectRoot, "bootstrap", "Pulumi.yaml"), "utf8")) as {
            config: { workloadRolePath: { default: string } };
        };
        assert.equal(declared.config.workloadRolePath.default, rolePath);
    });

    for (const stack of ["dev", "prod"]) {
        it(`${stack} creates its task roles under the path the deploy roles may manage (${rolePath})`, () => {
            assert.equal(stackRolePath(stack), rolePath);
        });
    }
});
