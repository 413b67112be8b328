// Starts a policy pack the way the Pulumi CLI does: its own @pulumi/pulumi's cmd/run-policy-pack, run with node
// from the pack's directory, prints the port of the gRPC Analyzer server it opens on 127.0.0.1
// (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go: "the policy pack's node_modules is used", pwd = the pack).
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../cli/inputError";

export interface PackProcess {
    /** "127.0.0.1:<port>" once the pack listens. */
    address: Promise<string>;
    stop(): void;
}

const runner = path.join("node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");

/** Checks that the pack is installed and built, then starts it. Bad setups fail with one line saying what to run. */
export function startPack(packDir: string): PackProcess {
    const install = `npm ci --prefix ${path.relative(process.cwd(), packDir) || "."}`;
    if (!fs.existsSync(path.join(packDir, runner))) {
        throw new InputError(`the policy pack in ${packDir} is not installed: run ${install}`);
    }
    const main = readMain(packDir);
    const stale = staleSources(packDir, main);
    if (stale !== undefined) {
        throw new InputError(
            `the policy pack's build ${main} is older than ${stale}: run npm run build --prefix ${packDir} (or ${install})`,
        );
    }
    // The first argument is the engine's address, which run-policy-pack drops: the pack needs no engine.
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
        cwd: packDir,
        stdio: ["ignore", "pipe", "pipe"],
    });
    const address = listeningAddress(child);
    // Awaited only once the program has run: a pack that fails sooner must not count as an unhandled rejection.
    address.catch(() => undefined);
    return { address, stop: () => child.kill() };
}

function readMain(packDir: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { main?: string };
    const main = path.join(packDir, manifest.main ?? "index.js");
    if (!fs.existsSync(main)) {
        throw new InputError(
            `the policy pack's entry point ${main} does not exist: run npm run build --prefix ${packDir}`,
        );
    }
    return main;
}

/** A TypeScript source of the pack newer than its compiled JavaScript (beside the entry point), if any. */
function staleSources(packDir: string, main: string): string | undefined {
    const outDir = path.dirname(main);
    const sources = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                return ["node_modules", path.basename(outDir)].includes(entry.name) ? [] : sources(file);
            }
            return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
        });
    return sources(packDir).find((source) => {
        const compiled = path.join(outDir, path.relative(packDir, source)).replace(/\.ts$/, ".js");
        return !fs.existsSync(compiled) || fs.statSync(source).mtimeMs > fs.statSync(compiled).mtimeMs;
    });
}

function listeningAddress(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        let stderr = "";
        child.stdout?.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const port = /^(\d+)\s*$/m.exec(stdout);
            if (port !== null) {
                resolve(`127.0.0.1:${port[1]}`);
            }
        });
        child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", (error) => reject(new InputError(`the policy pack did not start: ${error.message}`)));
        child.on("exit", (code) =>
            reject(
                new InputError(
                    `the policy pack exited (status ${code}) before it listened: ${stderr.trim().split("\n")[0] ?? ""}`,
                ),
            ),
        );
    });
}
