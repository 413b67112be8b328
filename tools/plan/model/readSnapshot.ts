// Reads the earlier snapshot `--diff` compares with, and says exactly what is wrong when it is not one.
import * as fs from "fs";
import { InputError } from "../cli/inputError";
import { Snapshot, SnapshotRead, SnapshotResource } from "./snapshot";

export function readBaseSnapshot(file: string, stack: string): Snapshot {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputError(`--diff ${file} ${code === "ENOENT" ? "does not exist" : `cannot be read (${code})`}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        // JSON.parse quotes the offending text, line breaks included; the message stays on one line.
        throw new InputError(`--diff ${file} is not valid JSON: ${(error as Error).message.replace(/\s+/g, " ")}`);
    }
    const snapshot = checkSnapshot(parsed, (problem) => {
        throw new InputError(
            `--diff ${file} is not a plan snapshot: ${problem}; write one with npm run plan -- ${stack} --json FILE`,
        );
    });
    if (snapshot.stack !== stack) {
        throw new InputError(
            `--diff ${file} is a plan of stack "${snapshot.stack}"; compare it with a plan of that stack, not "${stack}"`,
        );
    }
    return snapshot;
}

type Reject = (problem: string) => never;

function checkSnapshot(value: unknown, reject: Reject): Snapshot {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        reject(`the document is ${shown(value)}; expected an object`);
    }
    const root = value as Record<string, unknown>;
    const resources = array(root.resources, "resources", reject).map((item, i) =>
        checkResource(item, `resources[${i}]`, reject),
    );
    const imageTag = root.imageTag === undefined ? undefined : object(root.imageTag, "imageTag", reject);
    // A stored `cost` is not read back, whatever its shape: the diff prices the base anew from today's table.
    return {
        plan: typeof root.plan === "string" ? root.plan : "",
        project: typeof root.project === "string" ? root.project : "",
        stack: text(root.stack, "stack", reject),
        imageTag: {
            value: typeof imageTag?.value === "string" ? imageTag.value : "",
            source: imageTag?.source === "configuration" ? "configuration" : "placeholder",
        },
        config: stringMap(root.config ?? {}, "config", reject),
        resources,
        reads: array(root.reads ?? [], "reads", reject).map((item, i) => checkRead(item, `reads[${i}]`, reject)),
        outputs: object(root.outputs, "outputs", reject),
    };
}

/** The fields the issue fixed (type, name, parent, inputs) and the URN are required; the rest default. */
function checkResource(value: unknown, where: string, reject: Reject): SnapshotResource {
    const resource = object(value, where, reject);
    const parent = resource.parent ?? null;
    if (parent !== null && typeof parent !== "string") {
        reject(`\`${where}.parent\` is ${shown(parent)}; expected a URN or null`);
    }
    return {
        urn: text(resource.urn, `${where}.urn`, reject),
        type: text(resource.type, `${where}.type`, reject),
        name: text(resource.name, `${where}.name`, reject),
        parent,
        custom: resource.custom !== false,
        inputs: object(resource.inputs, `${where}.inputs`, reject),
        dependencies: strings(resource.dependencies ?? [], `${where}.dependencies`, reject),
        protect: resource.protect === true,
        ignoreChanges: strings(resource.ignoreChanges ?? [], `${where}.ignoreChanges`, reject),
    };
}

function checkRead(value: unknown, where: string, reject: Reject): SnapshotRead {
    const read = object(value, where, reject);
    return {
        token: text(read.token, `${where}.token`, reject),
        args: object(read.args ?? {}, `${where}.args`, reject),
    };
}

function object(value: unknown, where: string, reject: Reject): Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        reject(`\`${where}\` is ${shown(value)}; expected an object`);
    }
    return value as Record<string, unknown>;
}

function array(value: unknown, where: string, reject: Reject): unknown[] {
    if (!Array.isArray(value)) {
        reject(`\`${where}\` is ${shown(value)}; expected a list`);
    }
    return value as unknown[];
}

function text(value: unknown, where: string, reject: Reject): string {
    if (typeof value !== "string" || value === "") {
        reject(`\`${where}\` is ${shown(value)}; expected a non-empty string`);
    }
    return value;
}

function strings(value: unknown, where: string, reject: Reject): string[] {
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        reject(`\`${where}\` is ${shown(value)}; expected a list of strings`);
    }
    return value as string[];
}

function stringMap(value: unknown, where: string, reject: Reject): Record<string, string> {
    const map = object(value, where, reject);
    const bad = Object.entries(map).find(([, item]) => typeof item !== "string");
    if (bad !== undefined) {
        reject(`\`${where}.${bad[0]}\` is ${shown(bad[1])}; expected a string`);
    }
    return map as Record<string, string>;
}

/** A short view of a wrong value for the message: the message stays one line however large the value. */
function shown(value: unknown): string {
    if (value === undefined) {
        return "missing";
    }
    const json = JSON.stringify(value);
    return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
