// Entry point of `npm run deploy-check`: prints one line, exits 0 when the deploy shipped and 1 when it did not
// (2 for bad arguments). In GitHub Actions the failure line is an error annotation.
import { parseArgs } from "./args";
import { runDeployCheck } from "./deployCheck";
import { awsCliDescribeServices } from "./describeServices";
import { DeployCheckError } from "./deployCheckError";
import { httpGet } from "./versionProbe";

function fail(line: string, status: number): void {
    const annotation = process.env.GITHUB_ACTIONS === "true" ? "::error title=Deploy check failed::" : "";
    process.stderr.write(`${annotation}deploy check failed: ${line}\n`);
    process.exitCode = status;
}

async function main(argv: readonly string[]): Promise<void> {
    let args;
    try {
        args = parseArgs(argv);
    } catch (error) {
        fail(error instanceof Error ? error.message : String(error), 2);
        return;
    }
    try {
        const line = await runDeployCheck(args, {
            describe: awsCliDescribeServices(args.cluster, args.service),
            get: httpGet,
            now: () => Date.now(),
            sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
            log: (progress) => process.stdout.write(`${progress}\n`),
        });
        process.stdout.write(`${line}\n`);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        fail(error instanceof DeployCheckError ? message : `unexpected error: ${message}`, 1);
    }
}

void main(process.argv.slice(2));
