// A rule AWS enforces that its API models do not state (a name's characters, the Fargate sizes, a policy's
// grammar): written down here with the page of AWS documentation that states it.

export interface RuleViolation {
    /** The input (or the part of it) that breaks the rule: "healthCheck.timeout", "policy rules[1]". */
    input: string;
    value: unknown;
    /** What is wrong beyond the rule itself, when the rule has parts. */
    detail?: string;
}

export interface DocumentedRule {
    /** What AWS requires, in words. */
    rule: string;
    /** The AWS documentation that says so. */
    source: string;
    /** The values that break the rule; `inputs` holds auto-names filled in. */
    violations(inputs: Readonly<Record<string, unknown>>): RuleViolation[];
}

/** A rule on one input: `broken` says whether its value breaks it (inputs the program leaves unset pass). */
export function inputRule(
    input: string,
    rule: string,
    source: string,
    broken: (value: unknown, inputs: Readonly<Record<string, unknown>>) => boolean | string,
): DocumentedRule {
    return {
        rule,
        source,
        violations(inputs) {
            const value = valueAt(inputs, input);
            if (value === undefined || value === null) {
                return [];
            }
            const verdict = broken(value, inputs);
            return verdict === false
                ? []
                : [{ input, value, ...(typeof verdict === "string" ? { detail: verdict } : {}) }];
        },
    };
}

/** The value at a dotted path ("healthCheck.timeout") of nested inputs. */
export function valueAt(inputs: unknown, path: string): unknown {
    return path
        .split(".")
        .reduce<unknown>(
            (value, key) =>
                value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined,
            inputs,
        );
}
