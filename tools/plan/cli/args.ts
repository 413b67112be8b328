// The plan's command line: one stack and four optional files.
import { InputError } from "./inputError";

export interface PlanArgs {
    stack: string;
    json?: string;
    mermaid?: string;
    diff?: string;
    markdown?: string;
    help: boolean;
}

export const usage =
    "usage: npm run plan -- <stack> [--json FILE] [--mermaid FILE] [--diff BASE.json] [--markdown FILE]";

const fileFlags = {
    "--json": { key: "json", example: "plan.json" },
    "--mermaid": { key: "mermaid", example: "plan.mmd" },
    "--diff": { key: "diff", example: "base.json" },
    "--markdown": { key: "markdown", example: "plan.md" },
} as const;
type FileFlag = keyof typeof fileFlags;

/** Stack names as `pulumi stack init` accepts them. */
const stackName = /^[A-Za-z0-9_.-]{1,100}$/;

export function parseArgs(argv: readonly string[]): PlanArgs {
    if (argv.includes("--help") || argv.includes("-h")) {
        return { stack: "", help: true };
    }
    const args: Partial<PlanArgs> = { help: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg in fileFlags) {
            const flag = arg as FileFlag;
            const { key, example } = fileFlags[flag];
            const value = argv[i + 1];
            if (value === undefined || value === "" || value.startsWith("--")) {
                throw new InputError(`${flag} needs a file name, e.g. ${flag} ${example}; ${usage}`);
            }
            if (args[key] !== undefined) {
                throw new InputError(`${flag} is given twice; give each file once`);
            }
            args[key] = value;
            i++;
        } else if (arg.startsWith("-")) {
            throw new InputError(`unknown option ${arg}; allowed: ${Object.keys(fileFlags).join(", ")} (${usage})`);
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
    return args as PlanArgs;
}
