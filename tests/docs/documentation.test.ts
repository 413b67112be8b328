// The README is the user's reference: every config key, setting, flag and output the code defines is documented there.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as yaml from "js-yaml";
import { usage } from "../../tools/plan/cli/args";
import { projectRoot } from "../infra/stackRun";

const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");

function read(relativePath: string): string {
    return fs.readFileSync(path.join(projectRoot, relativePath), "utf8");
}

/** The names in the first column of the README's Markdown tables, e.g. "cpu" from "| `cpu` | `256` | ...". */
const tableRowNames = new Set([...readme.matchAll(/^\s*\| `([^`]+)` \|/gm)].map((match) => match[1]));

function undocumented(names: readonly string[]): string[] {
    return names.filter((name) => !tableRowNames.has(name));
}

/** The keys a Pulumi.yaml declares, without the project namespace ("aws:region" keeps its provider's). */
function declaredConfigKeys(pulumiYaml: string): string[] {
    const project = yaml.load(read(pulumiYaml)) as { config?: Record<string, unknown> };
    return Object.keys(project.config ?? {});
}

describe("the README", () => {
    it("documents every config key of the stack in its configuration table", () => {
        const keys = declaredConfigKeys("Pulumi.yaml");
        assert.ok(keys.length >= 20, `expected the stack's config keys in Pulumi.yaml, found ${keys.join(", ")}`);
        assert.deepEqual(undocumented(keys), []);
    });

    it("documents every config key of the bootstrap program", () => {
        const keys = declaredConfigKeys(path.join("bootstrap", "Pulumi.yaml"));
        assert.ok(keys.includes("githubRepository"), `expected githubRepository among ${keys.join(", ")}`);
        assert.deepEqual(undocumented(keys), []);
    });

    it("documents every environment variable the service reads", () => {
        const reader = read(path.join("app", "Settings", "ServiceSettingsReader.cs"));
        const variables = [...reader.matchAll(/reader\.Read(?:<[^>]+>)?\("([A-Z0-9_]+)"/g)].map((match) => match[1]);
        assert.ok(variables.includes("APP_PORT"), `expected APP_PORT among ${variables.join(", ")}`);
        assert.deepEqual(undocumented(variables), []);
    });

    it("documents every stack output", () => {
        const program = read(path.join("infra", "index.ts"));
        const outputs = [...program.matchAll(/^export const (\w+)/gm)].map((match) => match[1]);
        assert.ok(outputs.includes("url"), `expected the url output among ${outputs.join(", ")}`);
        // Output rows may name several outputs: "| `clusterName`, `serviceName` | ...".
        const rows = [...readme.matchAll(/^\| ((?:`\w+`(?:, )?)+) \|/gm)].map((match) => match[1]);
        const documented = new Set(rows.flatMap((row) => row.split(", ").map((name) => name.slice(1, -1))));
        assert.deepEqual(
            outputs.filter((output) => !documented.has(output)),
            [],
        );
    });

    it("shows the plan's usage line and documents each of its flags", () => {
        assert.ok(
            readme.includes(usage.replace(/^usage: /, "")),
            "the README's plan command differs from the CLI's usage line",
        );
        const flags = [...usage.matchAll(/--[a-z]+/g)].map((match) => match[0]);
        assert.equal(flags.length, 4);
        assert.deepEqual(
            flags.filter((flag) => ![...tableRowNames].some((name) => name.startsWith(`${flag} `))),
            [],
        );
    });

    it("names the test command that .ci/run runs", () => {
        const ci = read(path.join(".ci", "run"));
        const command = /^exec (.+)$/m.exec(ci)?.[1];
        assert.equal(command, "bash tests/run-all.sh");
        assert.ok(readme.includes(`\`${command}\``), `the README does not show \`${command}\``);
    });
});
