// The plan's command line: one stack, four optional files, a label for the base of --diff, and the cost
// estimate's assumptions.
import { Assumptions, parseAssumptions } from "../cost/assumptions";
import { InputError } from "./inputError";

export interface PlanArgs {
    stack: string;
    json?: string;
    mermaid?: string;
    diff?: string;
    markdown?: string;
    /** How the output names the base of --diff: "main @ 1a2b3c4d". */
    baseLabel?: string;
    assumptions: Assumptions;
    help: boolean;
}

export const usage =
    "usage: npm run plan -- <stack> [--json FILE] [--mermaid FILE] [--diff BASE.json] [--base-label LABEL] " +
    "[--markdown FILE] [--assume KEY=VALUE]...";

const fileFlags = {
    "--json": { key: "json", example: "plan.json" },
    "--mermaid": { key: "mermaid", example: "plan.mmd" },
    "--diff": { key: "diff", example: "base.json" },
    "--markdown": { key: "markdown", example: "plan.md" },
} as const;
type FileFlag = keyof typeof fileFlags;
const allFlags = [...Object.keys(fileFlags), "--base-label", "--assume"];

/** Stack names as `pulumi stack init` accepts them. */
const stackName = /^[A-Za-z0-9_.-]{1,100}$/;
/** One printable line: a label ends up in headings and a pull-request comment. */
const label = /^[^\p{Cc}]{1,100}$/u;

export function parseArgs(argv: readonly string[]): PlanArgs {
    if (argv.includes("--help") || argv.includes("-h")) {
        return { stack: "", help: true, assumptions: parseAssumptions([]) };
    }
    const args: Partial<PlanArgs> = { help: false };
    const assume: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = argv[i + 1];
        const missing = value === undefined || value === "" || value.startsWith("--");
        if (arg in fileFlags) {
            const flag = arg as FileFlag;
            const { key, example } = fileFlags[flag];
            if (missing) {
                throw new InputError(`${flag} needs a file name, e.g. ${flag} ${example}; ${usage}`);
            }
            if (args[key] !== undefined) {
                throw new InputError(`${flag} is given twice; give each file once`);
            }
            args[key] = value;
            i++;
        } else if (arg === "--base-label") {
            if (missing || !label.test(value.trim())) {
                throw new InputError(
                    `--base-label needs a label of 1 to 100 printable characters, e.g. --base-label "main @ 1a2b3c4d"`,
                );
            }
            if (args.baseLabel !== undefined) {
                throw new InputError("--base-label is given twice; give it once");
            }
            args.baseLabel = value.trim();
            i++;
        } else if (arg === "--assume") {
            if (missing) {
                throw new InputError(`--assume needs KEY=VALUE, e.g. --assume logGbPerTaskMonth=2; ${usage}`);
            }
            assume.push(value);
            i++;
        } else if (arg.startsWith("-")) {
            throw new InputError(`unknown option ${arg}; allowed: ${allFlags.join(", ")} (${usage})`);
        } else if (args.stack !== undefined) {
            throw new InputError(`one stack at a time: got "${args.stack}" and "${arg}"; ${usage}`);
        } else if (!stackName.test(arg)) {
            throw new InputError(
                `stack name "${arg}" is not valid: letters, digits, _ . - only, as in Pulumi.<stack>.yaml`,
            );
        } else {
            args.stack = arg;
        }
    }
    if (args.stack === undefined) {
        throw new InputError(`no stack given, e.g. dev or prod; ${usage}`);
    }
    if (args.baseLabel !== undefined && args.diff === undefined) {
        throw new InputError("--base-label names the base of --diff; give --diff BASE.json too");
    }
    return { ...args, assumptions: parseAssumptions(assume) } as PlanArgs;
}
