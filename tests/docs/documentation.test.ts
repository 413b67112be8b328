// The documentation is the user's reference: every config key, setting, flag and output the code defines is on the
// page that covers it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as yaml from "js-yaml";
import { usage } from "../../tools/plan/cli/args";
import { projectRoot } from "../infra/stackRun";

function read(relativePath: string): string {
    return fs.readFileSync(path.join(projectRoot, relativePath), "utf8");
}

const readmePath = "README.md";

/** The names in the first column of a page's Markdown tables, e.g. "cpu" from "| `cpu` | `256` | ...". */
function tableRowNames(page: string): Set<string> {
    return new Set([...read(page).matchAll(/^\s*\| `([^`]+)` \|/gm)].map((match) => match[1]));
}

function undocumented(names: readonly string[], page: string): string[] {
    const documented = tableRowNames(page);
    return names.filter((name) => !documented.has(name));
}

/** The keys a Pulumi.yaml declares, without the project namespace ("aws:region" keeps its provider's). */
function declaredConfigKeys(pulumiYaml: string): string[] {
    const project = yaml.load(read(pulumiYaml)) as { config?: Record<string, unknown> };
    return Object.keys(project.config ?? {});
}

describe("the documentation", () => {
    it("documents every config key of the stack in docs/configuration.md", () => {
        const keys = declaredConfigKeys("Pulumi.yaml");
        assert.ok(keys.length >= 20, `expected the stack's config keys in Pulumi.yaml, found ${keys.join(", ")}`);
        assert.deepEqual(undocumented(keys, "docs/configuration.md"), []);
    });

    it("documents every config key of the bootstrap program in docs/configuration.md", () => {
        const keys = declaredConfigKeys(path.join("bootstrap", "Pulumi.yaml"));
        assert.ok(keys.includes("githubRepository"), `expected githubRepository among ${keys.join(", ")}`);
        assert.deepEqual(undocumented(keys, "docs/configuration.md"), []);
    });

    it("documents every environment variable the service reads in docs/service.md", () => {
        const reader = read(path.join("app", "Settings", "ServiceSettingsReader.cs"));
        const variables = [...reader.matchAll(/reader\.Read(?:<[^>]+>)?\("([A-Z0-9_]+)"/g)].map((match) => match[1]);
        assert.ok(variables.includes("APP_PORT"), `expected APP_PORT among ${variables.join(", ")}`);
        assert.deepEqual(undocumented(variables, "docs/service.md"), []);
    });

    it("documents every stack output in docs/deploy.md", () => {
        const program = read(path.join("infra", "index.ts"));
        const outputs = [...program.matchAll(/^export const (\w+)/gm)].map((match) => match[1]);
        assert.ok(outputs.includes("url"), `expected the url output among ${outputs.join(", ")}`);
        // Output rows may name several outputs: "| `clusterName`, `serviceName` | ...".
        const rows = [...read("docs/deploy.md").matchAll(/^\| ((?:`\w+`(?:, )?)+) \|/gm)].map((match) => match[1]);
        const documented = new Set(rows.flatMap((row) => row.split(", ").map((name) => name.slice(1, -1))));
        assert.deepEqual(
            outputs.filter((output) => !documented.has(output)),
            [],
        );
    });

    it("shows the plan's usage line and documents each of its flags in docs/offline-plan.md", () => {
        assert.ok(
            read("docs/offline-plan.md").includes(usage.replace(/^usage: /, "")),
            "docs/offline-plan.md's plan command differs from the CLI's usage line",
        );
        const flags = [...usage.matchAll(/--[a-z]+/g)].map((match) => match[0]);
        assert.equal(flags.length, 4);
        const documented = [...tableRowNames("docs/offline-plan.md")];
        assert.deepEqual(
            flags.filter((flag) => !documented.some((name) => name.startsWith(`${flag} `))),
            [],
        );
    });

    it("names the test command that .ci/run runs, in the README and in docs/testing.md", () => {
        const ci = read(path.join(".ci", "run"));
        const command = /^exec (.+)$/m.exec(ci)?.[1];
        assert.equal(command, "bash tests/run-all.sh");
        for (const page of [readmePath, "docs/testing.md"]) {
            assert.ok(read(page).includes(`\`${command}\``), `${page} does not show \`${command}\``);
        }
    });
});
