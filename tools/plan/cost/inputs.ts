// Typed reads of recorded inputs: the snapshot holds each provider type's inputs as plain JSON, and the estimate
// reads only a few fields of each, with the defaults AWS applies when a field is unset.
import { expandJsonStrings } from "../model/properties";
import { SnapshotResource } from "../model/snapshot";

/** The value at `path` in `value`, or undefined when any step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
    let current = value;
    for (const step of path) {
        if (current === null || typeof current !== "object") {
            return undefined;
        }
        current = (current as Record<string | number, unknown>)[step];
    }
    return current;
}

/** A number, or a string that holds one (the task definition's cpu and memory are strings). */
export function numberAt(value: unknown, ...path: (string | number)[]): number | undefined {
    const found = at(value, ...path);
    const parsed = typeof found === "string" && found.trim() !== "" ? Number(found) : found;
    return typeof parsed === "number" && Number.isFinite(parsed) ? parsed : undefined;
}

export function textAt(value: unknown, ...path: (string | number)[]): string | undefined {
    const found = at(value, ...path);
    return typeof found === "string" ? found : undefined;
}

export function listAt(value: unknown, ...path: (string | number)[]): unknown[] {
    const found = at(value, ...path);
    return Array.isArray(found) ? found : [];
}

/** A resource's inputs with the JSON held in strings (container definitions, policies) opened up. */
export function inputsOf(resource: SnapshotResource): Record<string, unknown> {
    return expandJsonStrings(resource.inputs) as Record<string, unknown>;
}
