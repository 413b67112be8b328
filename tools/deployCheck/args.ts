// The deploy check's command line: every flag named, every value checked, one line for what is wrong.
import { DeployCheck } from "./deployCheck";

export const usage =
    "usage: deploy-check --cluster NAME --service NAME --task-definition ARN --url URL --version SHA " +
    "[--timeout-seconds 900] [--poll-seconds 15] [--requests 20]";

export interface DeployCheckArgs extends DeployCheck {
    cluster: string;
    service: string;
}

const required = ["cluster", "service", "task-definition", "url", "version"] as const;
const numbers = { "timeout-seconds": [900, 1, 3600], "poll-seconds": [15, 1, 300], requests: [20, 1, 200] } as const;
type Flag = (typeof required)[number] | keyof typeof numbers;

const patterns: Readonly<Record<(typeof required)[number], { pattern: RegExp; allowed: string }>> = {
    cluster: { pattern: /^[A-Za-z0-9_-]{1,255}$/, allowed: "an ECS cluster name" },
    service: { pattern: /^[A-Za-z0-9_-]{1,255}$/, allowed: "an ECS service name" },
    "task-definition": {
        pattern: /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]+:\d+$/,
        allowed: "a task definition ARN with its revision (the stack output taskDefinitionArn)",
    },
    url: { pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, allowed: "an http:// or https:// URL (the stack output url)" },
    version: { pattern: /^[0-9a-f]{7,40}$|^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, allowed: "a commit SHA or image tag" },
};

/** Throws an Error whose message is one line naming the flag, the value and what is allowed. */
export function parseArgs(argv: readonly string[]): DeployCheckArgs {
    const values = new Map<Flag, string>();
    const flags = new Set<string>([...required, ...Object.keys(numbers)]);
    for (let i = 0; i < argv.length; i += 2) {
        const name = argv[i].replace(/^--/, "");
        if (!argv[i].startsWith("--") || !flags.has(name)) {
            throw new Error(`unknown argument ${JSON.stringify(argv[i])}; ${usage}`);
        }
        if (i + 1 >= argv.length) {
            throw new Error(`--${name} needs a value; ${usage}`);
        }
        values.set(name as Flag, argv[i + 1]);
    }
    const text = (flag: (typeof required)[number]): string => {
        const value = values.get(flag);
        if (value === undefined || value === "") {
            throw new Error(`--${flag} is missing; ${usage}`);
        }
        if (!patterns[flag].pattern.test(value)) {
            throw new Error(`--${flag} is ${JSON.stringify(value)}; allowed: ${patterns[flag].allowed}`);
        }
        return value;
    };
    const number = (flag: keyof typeof numbers): number => {
        const [fallback, min, max] = numbers[flag];
        const value = values.get(flag);
        if (value === undefined) {
            return fallback;
        }
        if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            throw new Error(`--${flag} is ${JSON.stringify(value)}; allowed: an integer from ${min} to ${max}`);
        }
        return Number(value);
    };
    return {
        cluster: text("cluster"),
        service: text("service"),
        taskDefinition: text("task-definition"),
        url: text("url"),
        version: text("version"),
        timeoutSeconds: number("timeout-seconds"),
        pollSeconds: number("poll-seconds"),
        maxRequests: number("requests"),
        requestTimeoutMs: 5000,
    };
}
