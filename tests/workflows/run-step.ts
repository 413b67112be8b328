// Runs a workflow's bash `run:` step on this machine, as the runner would, for the tests that check what it writes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { type Step } from "./workflow-files";

/** Runs a bash `run:` step as the runner does, `env` standing in for its `${{ }}` values; reads its config-map output. */
export function runStep(step: Step, env: Record<string, string>) {
    const directory = mkdtempSync(join(tmpdir(), "step-"));
    try {
        const outputFile = join(directory, "github-output");
        writeFileSync(outputFile, "");
        const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run ?? ""], {
            encoding: "utf8",
            env: { PATH: process.env.PATH, GITHUB_OUTPUT: outputFile, ...env },
        });
        const block = /^config-map<<(\w+)\n([\s\S]*?)\n\1$/m.exec(readFileSync(outputFile, "utf8"));
        return {
            status: result.status,
            log: result.stdout + result.stderr,
            configMap: block ? (load(block[2]) as Record<string, unknown>) : undefined,
        };
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
}
