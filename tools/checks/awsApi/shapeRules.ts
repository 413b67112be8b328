// Checks a value against a shape of an AWS service model: the constraints AWS validates every request against
// (type; string length, pattern and enum; number range; list and map sizes; required members), recursing through
// lists, maps and structures. Patterns are Java regular expressions matched against the whole value, as AWS's
// request validation does (the IAM path pattern "(\u002F)|(\u002F[\u0021-\u007E]+\u002F)" only makes sense so).
import { ServiceModel, Shape } from "./botocoreModels";
import { compilePattern } from "./javaPatterns";

export interface ShapeViolation {
    /** Where in the resource's inputs: "healthCheck.interval", "containerDefinitions[0].name". */
    path: string;
    value: unknown;
    /** What AWS requires, in words. */
    rule: string;
    /** The API member and its shape: "elbv2 CreateTargetGroup.Name (shape TargetGroupName)". */
    source: string;
}

/** What validations counted and found. */
export class ShapeTally {
    rulesApplied = 0;
    values = 0;
    readonly violations: ShapeViolation[] = [];
    /** Keys of a structure value that match no member of its shape: the provider cannot send them. */
    readonly unknownKeys: string[] = [];
    /** Patterns JavaScript cannot compile, which are therefore not checked. */
    readonly uncheckedPatterns = new Set<string>();
}

export interface ShapeTarget {
    model: ServiceModel;
    service: string;
    /** "CreateTargetGroup.HealthCheckIntervalSeconds", for the messages. */
    member: string;
    /** Pulumi key → API member name where the two differ beyond letter case. */
    renames?: Readonly<Record<string, string>>;
}

export function checkShape(
    target: ShapeTarget,
    shapeName: string,
    value: unknown,
    path: string,
    tally: ShapeTally,
): void {
    const shape = target.model.shapes[shapeName];
    const fail = (rule: string) =>
        tally.violations.push({ path, value, rule, source: `${target.service} ${target.member} (shape ${shapeName})` });
    tally.values++;
    tally.rulesApplied++;
    const typeError = wrongType(shape, value);
    if (typeError !== undefined) {
        fail(typeError);
        return;
    }
    const size = sizeOf(shape, value);
    if (shape.min !== undefined) {
        tally.rulesApplied++;
        if (size < shape.min) fail(`at least ${limitText(shape, shape.min)}`);
    }
    if (shape.max !== undefined) {
        tally.rulesApplied++;
        if (size > shape.max) fail(`at most ${limitText(shape, shape.max)}`);
    }
    if (shape.enum !== undefined) {
        tally.rulesApplied++;
        if (!shape.enum.includes(value as string)) fail(enumText(shape.enum));
    }
    if (shape.pattern !== undefined) {
        const pattern = compilePattern(shape.pattern);
        if (pattern === undefined) {
            tally.uncheckedPatterns.add(shape.pattern);
        } else {
            tally.rulesApplied++;
            if (!pattern.test(value as string)) fail(`matches the pattern ${shape.pattern}`);
        }
    }
    checkChildren(target, shape, value, path, tally, true);
}

/** Checks each key of `value` as a member of the structure `shapeName` (an operation's input), not its required ones. */
export function checkMembers(
    target: ShapeTarget,
    shapeName: string,
    value: unknown,
    path: string,
    tally: ShapeTally,
): void {
    checkChildren(target, target.model.shapes[shapeName], value, path, tally, false);
}

function checkChildren(
    target: ShapeTarget,
    shape: Shape,
    value: unknown,
    path: string,
    tally: ShapeTally,
    withRequired: boolean,
): void {
    if (shape.type === "list" && shape.member !== undefined) {
        const member = shape.member.shape;
        (value as unknown[]).forEach((item, i) => checkShape(target, member, item, `${path}[${i}]`, tally));
    } else if (shape.type === "map" && shape.value !== undefined) {
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
            if (shape.key !== undefined) checkShape(target, shape.key.shape, key, `${path} key ${key}`, tally);
            checkShape(target, shape.value.shape, item, `${path}.${key}`, tally);
        }
    } else if (shape.type === "structure") {
        const members = shape.members ?? {};
        const given = value as Record<string, unknown>;
        for (const required of withRequired ? (shape.required ?? []) : []) {
            tally.rulesApplied++;
            if (Object.keys(given).every((key) => memberName(target, members, key) !== required)) {
                tally.violations.push({
                    path,
                    value,
                    rule: `has the required member ${required}`,
                    source: `${target.service} ${target.member}`,
                });
            }
        }
        for (const [key, item] of Object.entries(given)) {
            const name = memberName(target, members, key);
            if (name === undefined) {
                tally.unknownKeys.push(`${path}.${key}`);
            } else if (item !== undefined && item !== null) {
                checkShape(target, members[name].shape, item, `${path}.${key}`, tally);
            }
        }
    }
}

/**
 * The member a Pulumi key sends: the same name up to letter case (scaleInCooldown → ScaleInCooldown), or a rename.
 * JSON inputs (container definitions) decode the same way: Go's encoding/json matches field names ignoring case.
 */
function memberName(target: ShapeTarget, members: Record<string, unknown>, key: string): string | undefined {
    const wanted = (target.renames?.[key] ?? key).toLowerCase();
    return Object.keys(members).find((name) => name.toLowerCase() === wanted);
}

function wrongType(shape: Shape, value: unknown): string | undefined {
    const expected: Record<string, [string, (v: unknown) => boolean]> = {
        string: ["a string", (v) => typeof v === "string"],
        integer: ["an integer", (v) => Number.isInteger(v)],
        long: ["an integer", (v) => Number.isInteger(v)],
        double: ["a number", (v) => typeof v === "number"],
        float: ["a number", (v) => typeof v === "number"],
        boolean: ["true or false", (v) => typeof v === "boolean"],
        list: ["a list", (v) => Array.isArray(v)],
        map: ["an object", (v) => typeof v === "object" && v !== null && !Array.isArray(v)],
        structure: ["an object", (v) => typeof v === "object" && v !== null && !Array.isArray(v)],
    };
    const check = expected[shape.type];
    return check === undefined || check[1](value) ? undefined : `is ${check[0]}`;
}

function sizeOf(shape: Shape, value: unknown): number {
    switch (shape.type) {
        case "string":
            return [...(value as string)].length;
        case "list":
            return (value as unknown[]).length;
        case "map":
            return Object.keys(value as object).length;
        default:
            return value as number;
    }
}

/** "one of a, b, c"; a long list is cut, as the model is where to read it whole. */
function enumText(values: readonly string[]): string {
    const shown = values.slice(0, 8).join(", ");
    return values.length > 8 ? `one of ${shown}, ... (${values.length} values)` : `one of ${shown}`;
}

function limitText(shape: Shape, limit: number): string {
    const unit = { string: "characters", list: "items", map: "entries" }[shape.type];
    return unit === undefined ? String(limit) : `${limit} ${unit}`;
}
