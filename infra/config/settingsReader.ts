// Typed reads of raw config strings that collect every problem, so one run reports all bad values at once.
import * as pulumi from "@pulumi/pulumi";
import { listOf } from "./limits";

/**
 * A configuration mistake. A RunError makes the Pulumi CLI print the message alone, without a stack trace.
 */
export class ConfigError extends pulumi.RunError {}

export class SettingsReader {
    private readonly problems: string[] = [];
    private readonly failedKeys = new Set<string>();

    constructor(
        private readonly read: (key: string) => string | undefined,
        private readonly namespace: string,
    ) {}

    /** The full key as users set it, in backticks. */
    label(key: string): string {
        return `\`${this.namespace}:${key}\``;
    }

    /** Records that `key` holds `value`, which breaks `expectation` (a clause such as "allowed: 1 to 3"). */
    problem(key: string, value: string, expectation: string): void {
        this.report(key, `${this.label(key)} is ${JSON.stringify(value)}; ${expectation}`);
    }

    /** Records a problem with `key` worded in full by the caller. */
    report(key: string, message: string): void {
        this.failedKeys.add(key);
        this.problems.push(message);
    }

    /** True when an earlier read of `key` found a bad value (so rules that combine keys can skip it). */
    failed(...keys: string[]): boolean {
        return keys.some((key) => this.failedKeys.has(key));
    }

    string(key: string, fallback: string): string {
        return this.read(key) ?? fallback;
    }

    integer(key: string, fallback: number, min: number, max: number, why?: string): number {
        const raw = this.read(key);
        if (raw === undefined) {
            return fallback;
        }
        const value = Number(raw);
        if (!/^-?\d+$/.test(raw) || value < min || value > max) {
            this.problem(key, raw, `allowed: an integer from ${min} to ${max}${why === undefined ? "" : ` (${why})`}`);
            return fallback;
        }
        return value;
    }

    integerOneOf(key: string, fallback: number, allowed: readonly number[], what: string): number {
        const raw = this.read(key);
        if (raw === undefined) {
            return fallback;
        }
        if (!/^\d+$/.test(raw) || !allowed.includes(Number(raw))) {
            this.problem(key, raw, `allowed: ${listOf(allowed)} (${what})`);
            return fallback;
        }
        return Number(raw);
    }

    oneOf<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
        const raw = this.read(key);
        if (raw === undefined) {
            return fallback;
        }
        const match = allowed.find((choice) => choice === raw);
        if (match === undefined) {
            this.problem(key, raw, `allowed: ${listOf(allowed)}`);
            return fallback;
        }
        return match;
    }

    boolean(key: string, fallback: boolean): boolean {
        const raw = this.read(key);
        if (raw === undefined) {
            return fallback;
        }
        if (raw !== "true" && raw !== "false") {
            this.problem(key, raw, "allowed: true or false");
            return fallback;
        }
        return raw === "true";
    }

    /** A string matching `pattern`; `allowEmpty` lets "" through as "not set". */
    matching(key: string, fallback: string, pattern: RegExp, description: string, allowEmpty = false): string {
        const raw = this.read(key);
        if (raw === undefined || (allowEmpty && raw === "")) {
            return raw ?? fallback;
        }
        if (!pattern.test(raw)) {
            this.problem(key, raw, `allowed: ${description}`);
            return fallback;
        }
        return raw;
    }

    /**
     * A mapping of names to strings (Pulumi passes an object as JSON); `secret` keeps the value out of every message.
     * Anything else is recorded as a problem and read as `fallback`.
     */
    mapping(key: string, fallback: Record<string, string>, secret = false): Record<string, string> {
        const raw = this.read(key);
        if (raw === undefined) {
            return fallback;
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(raw);
        } catch {
            parsed = undefined;
        }
        const isMapping =
            parsed !== null &&
            typeof parsed === "object" &&
            !Array.isArray(parsed) &&
            Object.values(parsed).every((value) => typeof value === "string");
        if (!isMapping) {
            const allowed = "allowed: a mapping of environment variable names to strings, e.g. {DB_PASSWORD: ...}";
            if (secret) {
                this.report(
                    key,
                    `${this.label(key)} is not a mapping of names to strings (its value is a secret, not shown); ${allowed}`,
                );
            } else {
                this.problem(key, raw, allowed);
            }
            return fallback;
        }
        return parsed as Record<string, string>;
    }

    /** Records a problem when `key`, which the program no longer reads, is still set; `why` says what replaced it. */
    retired(key: string, why: string): void {
        if (this.read(key) !== undefined) {
            this.report(key, `${this.label(key)} is no longer read (${why}); remove it from the stack's configuration`);
        }
    }

    /** Throws one ConfigError listing every problem found, one per line. */
    throwIfInvalid(): void {
        if (this.problems.length === 1) {
            throw new ConfigError(`Invalid configuration: ${this.problems[0]}`);
        }
        if (this.problems.length > 1) {
            throw new ConfigError(`Invalid configuration:\n  - ${this.problems.join("\n  - ")}`);
        }
    }
}
