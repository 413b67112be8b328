// `npm run plan -- <stack> [--json FILE] [--mermaid FILE] [--diff BASE.json] [--base-label LABEL] [--markdown FILE]
// [--assume KEY=VALUE]...`: plans one stack offline and prints it, or with --diff prints what changed.
// Exit status: 0 planned (no change), 2 changed, 1 error or an input AWS would refuse (each named on stderr: `pulumi up`
// would fail on it), 3 the policy pack (policy/) refuses the stack (a mandatory violation), whether or not it changed.
import * as fs from "fs";
import * as path from "path";
import { findProjectRoot } from "../../../infra/registry/projectRoot";
import { parseArgs, usage } from "./args";
import { readBaseSnapshot } from "../model/readSnapshot";
import { compare, unlabelledBase } from "../diff/comparison";
import { describeError, InputError } from "./inputError";
import { renderMermaid } from "../render/mermaid";
import { renderDiff } from "../render/diffText";
import { renderMarkdown } from "../render/markdown";
import { renderTerminal } from "../render/terminal";
import { formatSnapshot } from "../model/snapshot";
import { planStack } from "../model/planStack";
import { awsApiReport, refusalLine } from "../../checks/awsApi/stackReport";
import { mandatoryViolations, violationLines } from "../render/policy";

const exitCodes = { planned: 0, error: 1, changed: 2, refusedByPolicy: 3 } as const;

export interface CommandIo {
    stdout(text: string): void;
    stderr(text: string): void;
    /** Where the user started the command: file names are relative to it, and the project is found from it. */
    cwd: string;
}

export async function runPlanCommand(argv: readonly string[], io: CommandIo): Promise<number> {
    try {
        const args = parseArgs(argv);
        if (args.help) {
            io.stdout(`${usage}\n`);
            return exitCodes.planned;
        }
        const file = (name: string | undefined) => (name === undefined ? undefined : path.resolve(io.cwd, name));
        const basePath = file(args.diff);
        const base = basePath === undefined ? undefined : readBaseSnapshot(basePath, args.stack);
        const projectDir = findProject(io.cwd);

        const stack = await planStack(projectDir, args.stack, args.assumptions);
        const comparison =
            base === undefined ? undefined : compare(base, stack, args.baseLabel ?? unlabelledBase, args.assumptions);
        write(file(args.json), "--json", () => formatSnapshot(stack.snapshot));
        write(file(args.mermaid), "--mermaid", () => renderMermaid(stack));
        write(file(args.markdown), "--markdown", () => renderMarkdown(stack, comparison));
        io.stdout(comparison === undefined ? renderTerminal(stack) : renderDiff(comparison));
        // What `pulumi up` would be refused: by AWS (an input its API rejects), then by the policy pack.
        const refusals = awsApiReport(stack.snapshot)?.refusals ?? [];
        if (refusals.length > 0) {
            io.stderr(refusals.map((refusal) => `${refusalLine(refusal)}\n`).join(""));
        }
        const refused = mandatoryViolations(stack.policy);
        if (refused.length > 0) {
            io.stderr(
                [
                    `the policy pack refuses stack ${args.stack}: ${refused.length} mandatory violation(s), as pulumi preview --policy-pack policy would report`,
                    ...violationLines(refused).map((line) => `  ${line}`),
                ].join("\n") + "\n",
            );
        }
        if (refusals.length > 0) {
            return exitCodes.error;
        }
        if (refused.length > 0) {
            return exitCodes.refusedByPolicy;
        }
        return comparison?.diff.changed === true ? exitCodes.changed : exitCodes.planned;
    } catch (error) {
        io.stderr(`${describeError(error)}\n`);
        return exitCodes.error;
    }
}

function findProject(cwd: string): string {
    try {
        return findProjectRoot(cwd);
    } catch {
        throw new InputError(`no Pulumi.yaml in ${cwd} or above it: run the plan inside the repository`);
    }
}

function write(file: string | undefined, flag: string, content: () => string): void {
    if (file === undefined) {
        return;
    }
    try {
        fs.writeFileSync(file, content());
    } catch (error) {
        throw new InputError(`${flag} ${file} cannot be written: ${describeError(error)}`);
    }
}
