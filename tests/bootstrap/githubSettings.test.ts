// The GitHub side the bootstrap declares: each deploy environment usable only from its refs, and the variables the
// workflows read, named as the workflows read them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { ProgramRun } from "../../tools/mocks/mockEngine";
import { repositoryRoot } from "../workflows/workflow-files";
import { resourcesOfType, runBootstrap } from "./bootstrapRun";

const ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
const POLICY = "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy";
const ENVIRONMENT_VARIABLE = "github:index/actionsEnvironmentVariable:ActionsEnvironmentVariable";
const VARIABLE = "github:index/actionsVariable:ActionsVariable";

let run: ProgramRun;
before(async () => {
    run = await runBootstrap({});
});

/** `vars.NAME` references of a workflow. */
function variablesRead(workflow: string): Set<string> {
    const text = readFileSync(join(repositoryRoot, ".github", "workflows", workflow), "utf8");
    return new Set([...text.matchAll(/vars\.([A-Z0-9_]+)/g)].map((match) => match[1]));
}

describe("the GitHub environments", () => {
    it("exist for dev and prod, and run jobs only of the refs they deploy from", () => {
        const environments = resourcesOfType(run, ENVIRONMENT);
        assert.deepEqual(
            environments.map((environment) => [
                environment.inputs.environment,
                environment.inputs.deploymentBranchPolicy,
            ]),
            [
                ["dev", { protectedBranches: false, customBranchPolicies: true }],
                ["prod", { protectedBranches: false, customBranchPolicies: true }],
            ],
        );
        const refs = resourcesOfType(run, POLICY).map(({ inputs }) => [
            inputs.environment,
            inputs.branchPattern ?? `tag ${String(inputs.tagPattern)}`,
        ]);
        assert.deepEqual(refs, [
            ["dev", "main"],
            ["prod", "main"],
            ["prod", "tag v*"],
        ]);
    });

    it("keep the reviewers set by hand (prod's approvers)", () => {
        for (const environment of resourcesOfType(run, ENVIRONMENT)) {
            assert.ok(environment.ignoreChanges.includes("reviewers"), String(environment.inputs.environment));
        }
    });

    it("hold every variable deploy.yml reads, per environment", () => {
        const set = resourcesOfType(run, ENVIRONMENT_VARIABLE);
        for (const environment of ["dev", "prod"]) {
            const names = set
                .filter(({ inputs }) => inputs.environment === environment)
                .map(({ inputs }) => inputs.variableName);
            const read = [...variablesRead("deploy.yml")].filter((name) => !name.startsWith("PULUMI_"));
            assert.deepEqual(names.sort(), read.sort(), environment);
        }
    });
});

describe("the repository variables", () => {
    it("give each stack's preview in pull-request.yml its role, region and boundary", () => {
        const names = resourcesOfType(run, VARIABLE).map(({ inputs }) => String(inputs.variableName));
        const read = [...variablesRead("pull-request.yml")].filter((name) => /_(DEV|PROD)$/.test(name));
        assert.deepEqual(names.sort(), read.sort());
    });
});
