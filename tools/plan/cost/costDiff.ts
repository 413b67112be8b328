// The change in monthly cost between a base and a head estimate, line by line, worded for a reviewer:
// "+$32.85/month: a second NAT gateway". Both estimates come from the same price table and assumptions, so every
// change here comes from what the program declares.
import { CostLine, Noun, Range } from "./costLine";
import { CostEstimate } from "./estimate";
import { dollars, quantity, range, signedDollars, unitPlural, unitPrice } from "./money";

export interface CostChange {
    before: Range;
    after: Range;
    delta: Range;
    /** Each line whose monthly amount changed, largest change first. */
    lines: { key: string; delta: Range; text: string }[];
}

const none: Range = { low: 0, high: 0 };

export function diffCost(before: CostEstimate, after: CostEstimate): CostChange {
    const old = new Map(before.lines.map((line) => [line.key, line]));
    const current = new Map(after.lines.map((line) => [line.key, line]));
    const keys = [...new Set([...old.keys(), ...current.keys()])];
    const lines = keys.flatMap((key) => {
        const was = old.get(key);
        const now = current.get(key);
        const delta = subtract(now?.monthly ?? none, was?.monthly ?? none);
        if (delta.low === 0 && delta.high === 0) {
            return [];
        }
        return [{ key, delta, text: `${perMonth(delta)}: ${reason(was, now)}` }];
    });
    lines.sort(
        (a, b) => Math.abs(b.delta.high) - Math.abs(a.delta.high) || Math.abs(b.delta.low) - Math.abs(a.delta.low),
    );
    return { before: before.total, after: after.total, delta: subtract(after.total, before.total), lines };
}

/** "+$32.85/month", or "+$0.00 to +$29.55/month" when the change differs at the fewest and the most tasks. */
export function perMonth(delta: Range): string {
    return `${range(delta, signedDollars)}/month`;
}

/** "Monthly cost: $50.56 → $45.12 (-$5.44/month)". */
export function totalChange(change: CostChange): string {
    const unchanged = change.delta.low === 0 && change.delta.high === 0;
    return unchanged
        ? `Monthly cost: ${range(change.after, dollars)}, no change`
        : `Monthly cost: ${range(change.before, dollars)} → ${range(change.after, dollars)} (${perMonth(change.delta)})`;
}

function reason(was: CostLine | undefined, now: CostLine | undefined): string {
    if (was === undefined || now === undefined) {
        const line = (now ?? was) as CostLine;
        return `${line.what}, ${line.resource} (${now === undefined ? "removed" : "new"})`;
    }
    if (was.count.low !== now.count.low || was.count.high !== now.count.high) {
        return countReason(was, now);
    }
    const [base, before] = split(was.what);
    const [, after] = split(now.what);
    const price =
        was.price.usd !== now.price.usd && was.price.usd !== null && now.price.usd !== null
            ? ` (${unitPrice(was.price.usd)} → ${unitPrice(now.price.usd)} per ${now.price.per})`
            : "";
    if (before !== after) {
        return `${base}, ${now.resource}: ${before} → ${after}${price}`;
    }
    const amount = (line: CostLine) => range(line.quantity, quantity);
    return `${now.what}, ${now.resource}: ${amount(was)} → ${amount(now)} ${unitPlural(now.price.per)}${price}`;
}

/** "a second NAT gateway", "2 fewer zones (3 → 1)", or for task ranges "tasks 2-6 → 2-10". */
function countReason(was: CostLine, now: CostLine): string {
    const fixedCounts = was.count.low === was.count.high && now.count.low === now.count.high;
    if (!fixedCounts) {
        return `${now.what}, ${now.resource}: ${now.noun.many} ${span(was.count)} → ${span(now.count)}`;
    }
    return `${countPhrase(now.noun, was.count.low, now.count.low)}: ${now.what}, ${now.resource}`;
}

export function countPhrase(noun: Noun, before: number, after: number): string {
    if (before === 0 && after === 1) {
        return `a ${noun.one}`;
    }
    if (after === before + 1) {
        return `a ${ordinal(after)} ${noun.one}`;
    }
    const difference = Math.abs(after - before);
    const what = difference === 1 ? noun.one : noun.many;
    return `${difference === 1 ? "one" : difference} ${what} ${after > before ? "more" : "fewer"} (${before} → ${after})`;
}

const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

function ordinal(n: number): string {
    return ordinals[n - 1] ?? `${n}th`;
}

function span(count: Range): string {
    return count.low === count.high ? `${count.low}` : `${count.low}-${count.high}`;
}

/** "Fargate vCPU (X86_64)" → ["Fargate vCPU", "X86_64"]; text without a parenthesis is its own base. */
function split(what: string): [string, string] {
    const match = /^(.*) \(([^()]*)\)$/.exec(what);
    return match === null ? [what, ""] : [match[1], match[2]];
}

function subtract(a: Range, b: Range): Range {
    return { low: Math.round((a.low - b.low) * 100) / 100, high: Math.round((a.high - b.high) * 100) / 100 };
}
