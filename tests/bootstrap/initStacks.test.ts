// bootstrap/init-stacks.sh creates the stacks once and says what to commit. The machine has no Pulumi CLI: a
// stand-in answers as the CLI's documentation describes (`whoami --json` names the backend URL; `stack select`
// fails for a stack that does not exist; `stack init` of a passphrase stack writes encryptionsalt into
// Pulumi.<stack>.yaml) and records each call.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
    chmodSync,
    copyFileSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    rmSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { findProjectRoot } from "../../infra/registry/projectRoot";

const script = join(findProjectRoot(__dirname), "bootstrap", "init-stacks.sh");

const STAND_IN = `#!/usr/bin/env bash
echo "$*" >> "$STANDIN_CALLS"
case "$1 $2" in
  "whoami --json") [[ -n "$STANDIN_URL" ]] && echo "{\\"user\\": \\"ci\\", \\"url\\": \\"$STANDIN_URL\\"}" || exit 255 ;;
  "stack select")
    case " $STANDIN_STACKS " in *" \${@: -1} "*) exit 0 ;; esac
    echo "error: no stack named '\${@: -1}' found" >&2
    exit 255 ;;
  "stack init")
    stack="$4"
    if [[ "$*" != *"--secrets-provider"* && "$STANDIN_URL" != https://* ]] || [[ "$*" == *"--secrets-provider passphrase"* ]]; then
      printf 'encryptionsalt: v1:c2FsdA==:v1:aXY=:Y2lwaGVy\\n' | cat - "Pulumi.$stack.yaml" > salted && mv salted "Pulumi.$stack.yaml"
    fi ;;
esac
`;

const root = mkdtempSync(join(tmpdir(), "init-stacks-"));
after(() => rmSync(root, { recursive: true, force: true }));

interface Setup {
    readonly url?: string;
    readonly existing?: string[];
    readonly passphrase?: boolean;
    readonly withoutPulumi?: boolean;
}

/** A project with Pulumi.dev.yaml and Pulumi.prod.yaml and the script in bootstrap/; runs it with `args`. */
function run(args: string[], setup: Setup) {
    const project = mkdtempSync(join(root, "project-"));
    mkdirSync(join(project, "bootstrap"));
    copyFileSync(script, join(project, "bootstrap", "init-stacks.sh"));
    for (const stack of ["dev", "prod"]) writeFileSync(join(project, `Pulumi.${stack}.yaml`), "config: {}\n");
    const bin = join(project, "bin");
    mkdirSync(bin);
    if (!setup.withoutPulumi) {
        writeFileSync(join(bin, "pulumi"), STAND_IN);
        chmodSync(join(bin, "pulumi"), 0o755);
    }
    const calls = join(project, "calls");
    const result = spawnSync("bash", [join(project, "bootstrap", "init-stacks.sh"), ...args], {
        encoding: "utf8",
        env: {
            PATH: `${bin}:/usr/bin:/bin`,
            STANDIN_CALLS: calls,
            STANDIN_URL: setup.url ?? "",
            STANDIN_STACKS: (setup.existing ?? []).join(" "),
            ...(setup.passphrase ? { PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple" } : {}),
        },
    });
    const file = (stack: string) => readFileSync(join(project, `Pulumi.${stack}.yaml`), "utf8");
    const recorded = existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : [];
    return { status: result.status, out: result.stdout, err: result.stderr, calls: recorded, file };
}

describe("bootstrap/init-stacks.sh", () => {
    it("creates dev and prod with the passphrase in an S3 backend, and says to commit the salted stack files", () => {
        const result = run([], { url: "s3://acme-pulumi-state", passphrase: true });
        assert.equal(result.status, 0, result.err);
        assert.deepEqual(
            result.calls.filter((call) => call.startsWith("stack init")),
            ["stack init --non-interactive dev", "stack init --non-interactive prod"],
        );
        assert.match(result.file("dev"), /^encryptionsalt: v1:/);
        assert.match(result.out, /Commit Pulumi\.dev\.yaml Pulumi\.prod\.yaml: the deploys need the secrets settings/);
    });

    it("leaves a stack that exists alone and creates the other", () => {
        const result = run([], { url: "s3://acme-pulumi-state", passphrase: true, existing: ["dev"] });
        assert.equal(result.status, 0, result.err);
        assert.match(result.out, /Stack dev exists in s3:\/\/acme-pulumi-state: left as it is\./);
        assert.deepEqual(
            result.calls.filter((call) => call.startsWith("stack init")),
            ["stack init --non-interactive prod"],
        );
        assert.equal(result.file("dev"), "config: {}\n");
    });

    it("creates Pulumi Cloud stacks with the backend's own secrets, nothing to commit", () => {
        const result = run(["prod"], { url: "https://app.pulumi.com/acme" });
        assert.equal(result.status, 0, result.err);
        assert.deepEqual(
            result.calls.filter((call) => call.startsWith("stack init")),
            ["stack init --non-interactive prod"],
        );
        assert.doesNotMatch(result.out, /Commit/);
    });

    const refused: [string, string[], Setup, RegExp][] = [
        ["without the Pulumi CLI", [], { withoutPulumi: true }, /init-stacks\.sh: the Pulumi CLI is not on PATH/],
        [
            "when logged in to no backend",
            [],
            {},
            /init-stacks\.sh: not logged in to a Pulumi backend; run pulumi login/,
        ],
        [
            "a passphrase stack without the passphrase",
            [],
            { url: "s3://acme-pulumi-state" },
            /init-stacks\.sh: stack dev would be encrypted with a passphrase; set PULUMI_CONFIG_PASSPHRASE/,
        ],
        [
            "a stack the repository has no file for",
            ["staging"],
            { url: "s3://acme-pulumi-state", passphrase: true },
            /init-stacks\.sh: stack staging has no Pulumi\.staging\.yaml in .*; allowed: the stacks of this repository/,
        ],
        [
            "an unknown option",
            ["--force"],
            { url: "s3://x" },
            /init-stacks\.sh: unknown option --force; allowed: --secrets-provider/,
        ],
    ];
    for (const [what, args, setup, message] of refused) {
        it(`refuses, in one line, ${what}`, () => {
            const result = run(args, setup);
            assert.equal(result.status, 1);
            assert.match(result.err, message);
            assert.equal(result.err.trim().split("\n").length, 1, result.err);
            assert.deepEqual(
                result.calls.filter((call) => call.startsWith("stack init")),
                [],
            );
        });
    }
});
