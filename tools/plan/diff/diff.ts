// What changed between two snapshots of one stack: configuration, resources (with the property-level changes and
// what forces a replacement or a new deployment) and stack outputs.
import { addFollowOnChanges } from "./followOn";
import { compareText, display, expandJsonStrings, flatten, topLevelProperty } from "../model/properties";
import { forcesReplacement, rebuildsImage, startsDeployment } from "./replacements";
import { byTypeAndName, readText, Snapshot, SnapshotResource } from "../model/snapshot";

export type Action = "create" | "delete" | "replace" | "update" | "ignored";

export interface PropertyChange {
    path: string;
    before: unknown;
    after: unknown;
    forcesReplacement: boolean;
    /** The resource's ignoreChanges keeps the deployed value: the change applies only when it is created anew. */
    ignored: boolean;
}

export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    action: Action;
    properties: PropertyChange[];
    /** Why ECS will start new tasks, when it will. */
    newDeployment?: string;
    /** A Docker image whose build inputs changed: built and pushed again, under a new digest. */
    rebuildsImage: boolean;
}

/** A resource the diff cannot see change, which takes values (an ID, an ARN) from one that is replaced. */
export interface KnockOn {
    type: string;
    name: string;
    replacedDependencies: string[];
}

export interface ValueChange {
    key: string;
    before: unknown;
    after: unknown;
}

export interface PlanDiff {
    stack: string;
    config: ValueChange[];
    resources: ResourceChange[];
    knockOn: KnockOn[];
    /** Data sources read only by the head plan (added) or only by the base (removed). */
    reads: { added: string[]; removed: string[] };
    outputs: ValueChange[];
    changed: boolean;
}

export function diffSnapshots(base: Snapshot, head: Snapshot): PlanDiff {
    const before = new Map(base.resources.map((resource) => [resource.urn, resource]));
    const after = new Map(head.resources.map((resource) => [resource.urn, resource]));
    const changes: ResourceChange[] = [];
    for (const resource of head.resources) {
        const old = before.get(resource.urn);
        const change = old === undefined ? created(resource) : compared(old, resource);
        if (change !== undefined) {
            changes.push(change);
        }
    }
    for (const resource of base.resources) {
        if (!after.has(resource.urn)) {
            changes.push({ ...identity(resource), action: "delete", properties: [], rebuildsImage: false });
        }
    }
    const knockOn = addFollowOnChanges(changes, head.resources);
    const config = diffValues(base.config, head.config);
    const outputs = diffValues(base.outputs, head.outputs);
    const readBefore = new Set(base.reads.map(readText));
    const readAfter = new Set(head.reads.map(readText));
    const reads = {
        added: [...readAfter].filter((read) => !readBefore.has(read)),
        removed: [...readBefore].filter((read) => !readAfter.has(read)),
    };
    changes.sort(byTypeAndName);
    const count = config.length + changes.length + reads.added.length + reads.removed.length + outputs.length;
    return { stack: head.stack, config, resources: changes, knockOn, reads, outputs, changed: count > 0 };
}

function identity(resource: SnapshotResource): Pick<ResourceChange, "urn" | "type" | "name"> {
    return { urn: resource.urn, type: resource.type, name: resource.name };
}

/** A new resource, with every input it is created with. */
function created(resource: SnapshotResource): ResourceChange {
    const properties = [...flatten(expandJsonStrings(resource.inputs))].map(([path, after]) => ({
        path,
        before: undefined,
        after,
        forcesReplacement: false,
        ignored: false,
    }));
    return { ...identity(resource), action: "create", properties, rebuildsImage: rebuildsImage(resource.type) };
}

function compared(old: SnapshotResource, current: SnapshotResource): ResourceChange | undefined {
    const properties = diffProperties(old, current);
    if (properties.length === 0) {
        return undefined;
    }
    const applied = properties.filter((property) => !property.ignored);
    const rollout = applied.find((property) => startsDeployment(current.type, topLevelProperty(property.path)));
    return {
        ...identity(current),
        action: applied.length === 0 ? "ignored" : applied.some((p) => p.forcesReplacement) ? "replace" : "update",
        properties,
        newDeployment: rollout === undefined ? undefined : `\`${topLevelProperty(rollout.path)}\` changes`,
        rebuildsImage: applied.length > 0 && rebuildsImage(current.type),
    };
}

function diffProperties(old: SnapshotResource, current: SnapshotResource): PropertyChange[] {
    const before = flatten(expandJsonStrings(old.inputs));
    const after = flatten(expandJsonStrings(current.inputs));
    before.set("(option) protect", old.protect);
    after.set("(option) protect", current.protect);
    before.set("(option) ignoreChanges", old.ignoreChanges);
    after.set("(option) ignoreChanges", current.ignoreChanges);
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
    return paths
        .filter((path) => display(before.get(path)) !== display(after.get(path)))
        .map((path) => {
            const property = topLevelProperty(path);
            return {
                path,
                before: before.get(path),
                after: after.get(path),
                forcesReplacement: forcesReplacement(current.type, property),
                ignored: current.ignoreChanges.includes(property),
            };
        });
}

function diffValues(before: Record<string, unknown>, after: Record<string, unknown>): ValueChange[] {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .sort(compareText)
        .filter((key) => display(before[key]) !== display(after[key]))
        .map((key) => ({ key, before: before[key], after: after[key] }));
}
