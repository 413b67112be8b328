// .github/scripts/offline-plan.sh writes the pull-request comment from the plan
// command's exit status and files. A stand-in `npm run plan` with the same flags
// and exit statuses (0 no change, 2 changes, 1 error, 3 refused by the policy pack) drives each case.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { repositoryRoot } from "./workflow-files";

const script = join(repositoryRoot, ".github", "scripts", "offline-plan.sh");

// Declares what `declared/<stack>` says; --diff compares with the base snapshot.
const standInPlan = `
const fs = require("fs");
const [stack, ...flags] = process.argv.slice(2);
const option = (name) => { const i = flags.indexOf(name); return i < 0 ? undefined : flags[i + 1]; };
if (fs.existsSync("broken-" + stack)) { console.error("Pulumi." + stack + ".yaml: cpu 300 is not allowed"); process.exit(1); }
const declared = fs.readFileSync("declared/" + stack, "utf8");
if (option("--json")) fs.writeFileSync(option("--json"), JSON.stringify({ stack, declared }));
const base = option("--diff");
const before = base ? JSON.parse(fs.readFileSync(base, "utf8")).declared : declared;
const changes = before === declared ? "" : "~ " + stack + ": " + before + " -> " + declared + "\\n\`\`\`";
const heading = base ? "### \`" + stack + "\` against \`" + option("--base-label") + "\`: " + (changes ? "changes" : "no change") + "\\n" : "";
const changesSection = changes ? "~~~~text\\n" + changes + "\\n~~~~\\n" : "";
if (option("--markdown")) fs.writeFileSync(option("--markdown"), heading + changesSection + "plan of " + stack + "\\n\`\`\`mermaid\\nflowchart LR\\n  internet --> alb\\n\`\`\`\\n");
if (fs.existsSync("refused-" + stack)) { console.error("the policy pack refuses stack " + stack + ": 1 mandatory violation(s)"); process.exit(3); }
if (changes) { console.log(changes); process.exit(2); }
`;

const temporary = mkdtempSync(join(tmpdir(), "offline-plan-"));
after(() => rmSync(temporary, { recursive: true, force: true }));

function checkout(name: string, declared: Record<string, string>, options: { broken?: string; refused?: string } = {}) {
    const directory = join(temporary, `${name}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(directory, "declared"), { recursive: true });
    const scripts = { plan: "node plan.js" };
    writeFileSync(join(directory, "package.json"), JSON.stringify({ name: "stand-in", version: "1.0.0", scripts }));
    writeFileSync(
        join(directory, "package-lock.json"),
        JSON.stringify({
            name: "stand-in",
            version: "1.0.0",
            lockfileVersion: 3,
            requires: true,
            packages: { "": { name: "stand-in", version: "1.0.0" } },
        }),
    );
    writeFileSync(join(directory, "plan.js"), standInPlan);
    for (const [stack, text] of Object.entries(declared)) writeFileSync(join(directory, "declared", stack), text);
    if (options.broken) writeFileSync(join(directory, `broken-${options.broken}`), "");
    if (options.refused) writeFileSync(join(directory, `refused-${options.refused}`), "");
    return directory;
}

function runScript(base: string, head: string) {
    const out = join(temporary, `out-${Math.random().toString(36).slice(2)}`);
    const result = spawnSync("bash", [script, base, head, out], {
        encoding: "utf8",
        env: { ...process.env, BASE_SHA: "b".repeat(40), HEAD_SHA: "a".repeat(40), BASE_REF: "main" },
    });
    const comment = readFileSync(join(out, "comment.md"), "utf8");
    return { status: result.status, comment, log: result.stdout + result.stderr };
}

describe("the offline plan comment", () => {
    it("shows what changed per stack under its own heading, naming the base by branch and commit", () => {
        const { status, comment } = runScript(
            checkout("base", { dev: "cpu 256", prod: "cpu 512" }),
            checkout("head", { dev: "cpu 512", prod: "cpu 512" }),
        );
        assert.equal(status, 0);
        assert.match(comment, /^### `dev` against `main @ bbbbbbbbbbbb`: changes$/m);
        assert.match(comment, /~ dev: cpu 256 -> cpu 512/);
        assert.match(comment, /^### `prod` against `main @ bbbbbbbbbbbb`: no change$/m);
        assert.match(comment, /```mermaid\nflowchart LR/);
        assert.match(comment, new RegExp(`for \`${"a".repeat(40)}\` against \`main @ bbbbbbbbbbbb\``));
        assert.doesNotMatch(comment, /base-dev\.json|\/tmp\//, "a temporary file path names the base");
    });

    it("says once per comment what the plan is, not once per stack", () => {
        const { comment } = runScript(
            checkout("base", { dev: "a", prod: "a" }),
            checkout("head", { dev: "b", prod: "c" }),
        );
        assert.equal(comment.split("not a cloud diff").length - 1, 1);
    });

    it("shows each change once: the Markdown plan leads with it", () => {
        const { comment } = runScript(
            checkout("base", { dev: "a", prod: "a" }),
            checkout("head", { dev: "b", prod: "a" }),
        );
        assert.equal(comment.split("~ dev: a -> b").length - 1, 1);
    });

    it("shows the full plan when the base's plan fails, and leaves the base's error in the job log", () => {
        const { status, comment, log } = runScript(
            checkout("base", { dev: "x", prod: "x" }, { broken: "dev" }),
            checkout("head", { dev: "cpu 256", prod: "x" }),
        );
        assert.equal(status, 0);
        assert.match(
            comment,
            /^### `dev`: full plan \(the plan of `main @ bbbbbbbbbbbb` failed: its log is in the job log\)$/m,
        );
        assert.match(comment, /^### `prod` against `main @ bbbbbbbbbbbb`: no change$/m);
        assert.match(log, /Pulumi\.dev\.yaml: cpu 300 is not allowed/);
    });

    it("no longer carries the branch for a base that predates the plan command", () => {
        const text = readFileSync(script, "utf8");
        assert.doesNotMatch(text, /has_plan_command|predates/);
    });

    it("reports a failing plan in the comment and fails the job", () => {
        const { status, comment, log } = runScript(
            checkout("base", { dev: "x", prod: "x" }),
            checkout("head", { dev: "x", prod: "x" }, { broken: "prod" }),
        );
        assert.equal(status, 1);
        assert.match(comment, /### `dev` against `main @ bbbbbbbbbbbb`: no change/);
        assert.match(comment, /### `prod`: the plan failed \(exit status 1\)/);
        assert.match(comment, /Pulumi\.prod\.yaml: cpu 300 is not allowed/);
        assert.match(log, /::error title=Offline plan of prod failed::/);
    });

    it("shows what the policy pack refuses, with the plan, and fails the job", () => {
        const { status, comment, log } = runScript(
            checkout("base", { dev: "x", prod: "x" }),
            checkout("head", { dev: "x", prod: "x" }, { refused: "prod" }),
        );
        assert.equal(status, 1);
        assert.match(
            comment,
            /### `prod`: the policy pack refuses this change\n\n~~~~text\nthe policy pack refuses stack prod: 1 mandatory violation\(s\)/,
        );
        assert.match(comment, /plan of prod\n```mermaid/);
        assert.match(log, /::error title=Offline plan of prod failed::npm run plan -- prod exited with status 3/);
    });

    it("falls back to the fenced change list, cut and said so, when a plan is too long for one comment", () => {
        const { comment } = runScript(
            checkout("base", { dev: "x", prod: "x" }),
            checkout("head", { dev: "y".repeat(40000), prod: "x" }),
        );
        assert.match(
            comment,
            /### `dev`: too long for its share of one comment; the job log holds what the plan prints/,
        );
        assert.match(comment, /~~~~text\n~ dev: x -> y+/);
        assert.match(comment, /\[cut at 30000 of \d+ characters: the full text is in the job log\]\n+~~~~/);
        assert.doesNotMatch(comment, /<details/);
        assert.ok(comment.length < 65536, `comment has ${comment.length} characters`);
    });
});
