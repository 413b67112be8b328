// The documentation is the user's reference: every config key, setting, flag and output the code defines is on the
// page that covers it, the README's layout table names every folder, and every relative link leads somewhere.
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
/** Every page of docs/, as a path from the project root ("docs/configuration.md"). */
const docsPages = fs
    .readdirSync(path.join(projectRoot, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.posix.join("docs", name));

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

/** A page without its code: fenced blocks (diagrams, sample output) and inline code hold no links. */
function prose(markdown: string): string {
    return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The targets of a page's Markdown links, e.g. "docs/deploy.md#rollback-and-destroy". */
function linkTargets(page: string): string[] {
    return [...prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** The anchors GitHub gives a page's headings: "## A branch against `main`" is #a-branch-against-main. */
function headingAnchors(page: string): Set<string> {
    const headings = [...read(page).matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]);
    return new Set(
        headings.map((heading) =>
            heading
                .toLowerCase()
                .replace(/[^\p{L}\p{N} _-]/gu, "")
                .replace(/ /g, "-"),
        ),
    );
}

/** A relative link of `page` resolved to a path from the project root, with its anchor if it has one. */
function resolveLink(page: string, target: string): { file: string; anchor?: string } {
    const [file, anchor] = target.split("#", 2);
    const resolved = file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
    return { file: resolved.replace(/\/$/, ""), anchor };
}

function isExternal(target: string): boolean {
    return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** The folders git keeps: .gitignore's directory entries ("bin/", "/out/") and .git itself are not part of it. */
const ignoredFolders = new Set([
    ".git",
    ...read(".gitignore")
        .split("\n")
        .filter((line) => line.endsWith("/"))
        .map((line) => line.replace(/^\/|\/$/g, "")),
]);

function subfolders(relativeDir: string): string[] {
    return fs
        .readdirSync(path.join(projectRoot, relativeDir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !ignoredFolders.has(entry.name))
        .map((entry) => `${path.posix.join(relativeDir, entry.name)}/`);
}

/** The paths in the first column of the README's layout table: "`Pulumi.yaml`, `Pulumi.dev.yaml`" gives both. */
function layoutTablePaths(): Set<string> {
    const layout = /^## Layout\n([\s\S]*?)(?=^## )/m.exec(read(readmePath))?.[1] ?? "";
    const firstCells = [...layout.matchAll(/^\| ([^|]+) \|/gm)].map((match) => match[1]);
    return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1])));
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
        const flags = [...usage.matchAll(/--[a-z-]+/g)].map((match) => match[0]);
        assert.equal(flags.length, 6);
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

    it("names every top-level folder and every folder of infra/, tools/ and tests/ in the README's layout table", () => {
        const folders = [...subfolders("."), ...["infra", "tools", "tests"].flatMap(subfolders)].map((folder) =>
            folder.replace(/^\.\//, ""),
        );
        assert.ok(folders.includes("infra/config/"), `expected infra/config/ among ${folders.join(", ")}`);
        const named = layoutTablePaths();
        assert.deepEqual(
            folders.filter((folder) => !named.has(folder)),
            [],
        );
    });

    it("links only to files that exist, and to headings that exist, from README.md and docs/*.md", () => {
        const pages = [readmePath, ...docsPages];
        const broken = pages.flatMap((page) =>
            linkTargets(page)
                .filter((target) => !isExternal(target))
                .filter((target) => {
                    const { file, anchor } = resolveLink(page, target);
                    if (file.startsWith("..") || !fs.existsSync(path.join(projectRoot, file))) {
                        return true;
                    }
                    return anchor !== undefined && (!file.endsWith(".md") || !headingAnchors(file).has(anchor));
                })
                .map((target) => `${page}: ${target}`),
        );
        assert.ok(linkTargets(readmePath).length > 0, "found no links in the README");
        assert.deepEqual(broken, []);
    });

    it("links every page in docs/ from the README", () => {
        assert.ok(docsPages.includes("docs/configuration.md"), `expected docs/configuration.md among ${docsPages}`);
        const linked = new Set(linkTargets(readmePath).map((target) => resolveLink(readmePath, target).file));
        assert.deepEqual(
            docsPages.filter((page) => !linked.has(page)),
            [],
        );
    });
});
