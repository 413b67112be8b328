// What the plan cannot know about usage (traffic, log volume, image pulls), as documented defaults that
// `--assume key=value` overrides. Plan-side only: the program never reads them, so they are not stack configuration.
import { InputError } from "../cli/inputError";

interface AssumptionSpec {
    /** What it is, for the plan's list of assumptions and for error messages. */
    description: string;
    default: number;
    min: number;
    max: number;
    integer: boolean;
}

const spec = (description: string, value: number, max: number, integer = false, min = 0): AssumptionSpec => ({
    description,
    default: value,
    min,
    max,
    integer,
});

export const assumptionSpecs = {
    hoursPerMonth: spec("hours in a month that every resource runs", 730, 744, true, 1),
    requestsPerSecond: spec("requests per second the load balancer receives, averaged over the month", 5, 1e6),
    albNewConnectionsPerSecond: spec("new connections per second to the load balancer (LCU: 25 per LCU)", 2, 1e6),
    albActiveConnectionsPerMinute: spec("active connections per minute (LCU: 3,000 per LCU)", 100, 1e8),
    albProcessedGbPerMonth: spec("GB of requests and responses the load balancer processes a month", 20, 1e7),
    logGbPerTaskMonth: spec("GB of logs each running task writes to CloudWatch Logs a month", 1, 1e5),
    insightsLogGbPerTaskMonth: spec("GB of Container Insights performance events per task a month", 0.07, 1e4),
    imageSizeGb: spec("compressed size of the service image in GB (pulled at each task start)", 0.1, 100),
    deploysPerMonth: spec("deployments a month, each starting every task anew (image pulls)", 20, 10000),
    natOtherGbPerMonth: spec("GB a month through NAT besides image pulls and logs (AWS APIs, updates)", 1, 1e7),
    imageStorageGb: spec("GB the stack's ECR repository stores (the images its lifecycle policy keeps)", 2, 1e6),
    s3StorageGbPerBucket: spec("GB each S3 bucket of the stack stores (e.g. load balancer access logs)", 1, 1e7),
} as const satisfies Record<string, AssumptionSpec>;

export type AssumptionKey = keyof typeof assumptionSpecs;
export const assumptionKeys = Object.keys(assumptionSpecs) as AssumptionKey[];

/** The value of every assumption, and which ones a flag set. */
export interface Assumptions {
    values: Readonly<Record<AssumptionKey, number>>;
    overridden: readonly AssumptionKey[];
}

export const defaultAssumptions: Assumptions = {
    values: Object.fromEntries(assumptionKeys.map((key) => [key, assumptionSpecs[key].default])) as Record<
        AssumptionKey,
        number
    >,
    overridden: [],
};

const example = "--assume logGbPerTaskMonth=2";

/** Reads each `key=value` of `--assume`; the first bad one is one line naming the flag, key, value and what is allowed. */
export function parseAssumptions(settings: readonly string[]): Assumptions {
    const values: Record<AssumptionKey, number> = { ...defaultAssumptions.values };
    const overridden: AssumptionKey[] = [];
    for (const setting of settings) {
        const match = /^([^=]*)=(.*)$/.exec(setting);
        if (match === null) {
            throw new InputError(`--assume ${setting}: expected key=value, e.g. ${example}`);
        }
        const [, key, text] = match;
        if (!(key in assumptionSpecs)) {
            throw new InputError(
                `--assume ${setting}: unknown key "${key}"; allowed: ${assumptionKeys.join(", ")} (docs/cost.md)`,
            );
        }
        const known = key as AssumptionKey;
        if (overridden.includes(known)) {
            throw new InputError(`--assume ${known} is given twice; give each key once`);
        }
        values[known] = checkedValue(known, text, setting);
        overridden.push(known);
    }
    return { values, overridden };
}

function checkedValue(key: AssumptionKey, text: string, setting: string): number {
    const { description, min, max, integer } = assumptionSpecs[key];
    const value = /^\s*$/.test(text) ? NaN : Number(text);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        throw new InputError(
            `--assume ${setting}: "${text}" is not allowed for ${key} (${description}); ` +
                `allowed: ${integer ? "a whole number" : "a number"} from ${min} to ${max}`,
        );
    }
    return value;
}
