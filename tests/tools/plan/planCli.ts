// Runs the compiled plan command as users do, in a child process, from the repository or from a throwaway project
// that holds the real Pulumi.yaml and stack files with one change.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findProjectRoot } from "../../../infra/registry/projectRoot";

export const repositoryRoot = findProjectRoot(__dirname);
/** The compiled command, built next to these tests by the root tsconfig. */
const cli = path.resolve(__dirname, "../../../tools/plan/cli/cli.js");

export interface PlanResult {
    status: number | null;
    stdout: string;
    stderr: string;
}

export function runPlan(args: readonly string[], cwd = repositoryRoot): PlanResult {
    // Outside `npm run plan`, so file names are relative to `cwd`, as for a user's shell.
    const env = { ...process.env };
    delete env.npm_lifecycle_event;
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One configuration key of a stack file, set to a YAML value. */
export interface Setting {
    stack: string;
    key: string;
    value: string;
}

/** A directory for one test file's projects and outputs, removed by `cleanUp`. */
export class Scratch {
    readonly root = fs.mkdtempSync(path.join(os.tmpdir(), "offline-plan-test-"));

    /**
     * A project with the repository's Pulumi.yaml and stack files, then `setting` applied (a stack file key set to
     * a YAML value) and `files` written (null removes one). All projects of one Scratch sit at the same depth, so
     * the image's build context, a path relative to the project (infra/registry/imageRegistry.ts), reads the same in all of them.
     */
    project(name: string, options: { setting?: Setting; files?: Record<string, string | null> } = {}): string {
        const dir = path.join(this.root, name);
        fs.mkdirSync(dir);
        for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"]) {
            fs.copyFileSync(path.join(repositoryRoot, file), path.join(dir, file));
        }
        if (options.setting !== undefined) {
            const { stack, key, value } = options.setting;
            const file = path.join(dir, `Pulumi.${stack}.yaml`);
            const line = `  fargate-service:${key}: ${value}`;
            const text = fs.readFileSync(file, "utf8");
            const existing = new RegExp(`^  fargate-service:${key}:.*$`, "m");
            fs.writeFileSync(file, existing.test(text) ? text.replace(existing, line) : `${text.trimEnd()}\n${line}\n`);
        }
        for (const [file, text] of Object.entries(options.files ?? {})) {
            if (text === null) {
                fs.rmSync(path.join(dir, file));
            } else {
                fs.writeFileSync(path.join(dir, file), text);
            }
        }
        return dir;
    }

    file(name: string): string {
        return path.join(this.root, name);
    }

    cleanUp(): void {
        fs.rmSync(this.root, { recursive: true, force: true });
    }
}
