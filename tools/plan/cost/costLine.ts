// One line of the estimate: what bills, how much of it, at what unit price, and what it comes to a month. A range
// where autoscaling makes one: `low` at the fewest tasks, `high` at the most.
import { PriceKey, PriceTable } from "./priceTable";

export interface Range {
    low: number;
    high: number;
}

export const fixed = (value: number): Range => ({ low: value, high: value });

export function scaled(range: Range, factor: number): Range {
    return { low: range.low * factor, high: range.high * factor };
}

/** What a line counts, for the diff's wording: "a second NAT gateway". */
export interface Noun {
    one: string;
    many: string;
}

export interface CostLine {
    /** The line's identity from plan to plan: what bills, for which resource. */
    key: string;
    /** What bills, for a reader: "Fargate vCPU (X86_64)". */
    what: string;
    /** The resource the charge comes from, by its name in the program. */
    resource: string;
    /** How many billable things: tasks, NAT gateways, addresses. */
    count: Range;
    noun: Noun;
    /** How much is billed, in the price's unit. */
    quantity: Range;
    /** How the quantity follows from the plan and the assumptions: "0.25 vCPU x 730 h per task". */
    basis: string;
    price: { key: PriceKey; usd: number | null; per: string };
    /** Rounded to the cent; null when the table has no figure for the price. */
    monthly: Range | null;
}

export interface LineSpec {
    key: string;
    what: string;
    resource: string;
    count: Range;
    noun: Noun;
    quantity: Range;
    basis: string;
    price: PriceKey;
}

/** A line priced from `table`: quantity x unit price, rounded to the cent, so a reader can redo it by hand. */
export function pricedLine(spec: LineSpec, table: PriceTable): CostLine {
    const { usd, per } = table.prices[spec.price];
    return {
        key: spec.key,
        what: spec.what,
        resource: spec.resource,
        count: spec.count,
        noun: spec.noun,
        quantity: spec.quantity,
        basis: spec.basis,
        price: { key: spec.price, usd, per },
        monthly: usd === null ? null : { low: cents(spec.quantity.low * usd), high: cents(spec.quantity.high * usd) },
    };
}

/** "NAT gateway" → one NAT gateway, many NAT gateways. */
export const noun = (one: string): Noun => ({ one, many: `${one}s` });

/** A line for one resource, counting `count` things (1 unless given) named by `noun`. */
export function resourceLine(
    resource: { name: string },
    spec: Omit<LineSpec, "resource" | "count" | "noun"> & { count?: number; noun: string },
    table: PriceTable,
): CostLine {
    return pricedLine(
        { ...spec, resource: resource.name, count: fixed(spec.count ?? 1), noun: noun(spec.noun) },
        table,
    );
}

/** Dollars rounded half up to the cent; toFixed first drops the binary noise of products such as 365 x 0.04048. */
export function cents(dollars: number): number {
    return Math.round(Number((dollars * 100).toFixed(6))) / 100;
}

/** The sum of amounts already rounded to the cent, without floating-point drift. */
export function sumCents(amounts: readonly number[]): number {
    return amounts.reduce((total, amount) => total + Math.round(amount * 100), 0) / 100;
}
