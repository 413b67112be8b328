// The plan as data: a stable, sorted snapshot of what the program declared. `--json` writes it; `--diff` reads an
// earlier one back and compares.
import type { ProgramRun } from "../../mocks/mockEngine";
import type { CostEstimate } from "../cost/estimate";
import { compareText, display, sortKeys } from "./properties";

export const planDisclaimer =
    "A plan of what the Pulumi program declares, run offline under mocked providers: not a cloud diff. " +
    "It needs no credentials and knows nothing of what is deployed; IDs, ARNs, DNS names and digests come from the mocks.";

/** Where the plan's image tag came from: the stack's configuration, or the placeholder the plan supplies. */
export interface ImageTagChoice {
    value: string;
    source: "configuration" | "placeholder";
}

export interface SnapshotResource {
    /** Pulumi's identity of the resource: a changed URN is a delete and a create. */
    urn: string;
    type: string;
    name: string;
    /** The parent's URN; null for the stack itself. */
    parent: string | null;
    /** false for components, which only group other resources. */
    custom: boolean;
    /** As the program passed them, secrets as "[secret]". */
    inputs: Record<string, unknown>;
    /** URNs of the resources this one takes values from or waits for. */
    dependencies: string[];
    protect: boolean;
    ignoreChanges: string[];
}

/** A data source the program read (an existing resource, an account fact); the mocks answered it. */
export interface SnapshotRead {
    token: string;
    args: Record<string, unknown>;
}

export interface Snapshot {
    plan: string;
    project: string;
    stack: string;
    imageTag: ImageTagChoice;
    /** The stack's configuration as the program received it (full keys), secrets as "[secret]". */
    config: Record<string, string>;
    resources: SnapshotResource[];
    reads: SnapshotRead[];
    outputs: Record<string, unknown>;
    /** The monthly cost estimate, for readers of the JSON. A diff prices a base anew and never reads this back. */
    cost?: CostEstimate;
}

export function toSnapshot(run: ProgramRun, config: Record<string, string>, imageTag: ImageTagChoice): Snapshot {
    const resources = run.resources
        .map((resource): SnapshotResource => ({
            urn: resource.urn,
            type: resource.type,
            name: resource.name,
            parent: resource.parent ?? null,
            custom: resource.custom,
            inputs: resource.inputs,
            dependencies: [...resource.dependencies].sort(),
            protect: resource.protect,
            ignoreChanges: [...resource.ignoreChanges].sort(),
        }))
        .sort(byTypeAndName);
    return {
        plan: planDisclaimer,
        project: run.project,
        stack: run.stack,
        imageTag,
        config: sortedEntries(config),
        resources,
        reads: uniqueReads(run.invokes),
        outputs: sortedEntries(run.outputs),
    };
}

function sortedEntries<T>(record: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** Each distinct read once, in a stable order. */
function uniqueReads(reads: readonly SnapshotRead[]): SnapshotRead[] {
    const byText = new Map(reads.map((read) => [readText(read), { token: read.token, args: read.args }]));
    return [...byText.keys()].sort(compareText).map((text) => byText.get(text) as SnapshotRead);
}

/** A read as one line: its token and its arguments. */
export function readText(read: SnapshotRead): string {
    return `${read.token} ${display(read.args)}`;
}

export function byTypeAndName(a: { type: string; name: string }, b: { type: string; name: string }): number {
    return a.type === b.type ? compareText(a.name, b.name) : compareText(a.type, b.type);
}

/** The snapshot as JSON with every object's keys sorted, so equal plans are equal files. */
export function formatSnapshot(snapshot: Snapshot): string {
    return `${JSON.stringify(sortKeys(snapshot), null, 2)}\n`;
}
