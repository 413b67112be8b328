// Changes the diff cannot see in a resource's own inputs but that follow from another's: a service rolls out a new
// task definition revision, and whatever takes an ID or ARN from a replaced resource may change with it.
import type { KnockOn, ResourceChange } from "./diff";
import { rolloutDependencies } from "./replacements";
import { byTypeAndName, SnapshotResource } from "../model/snapshot";

/**
 * The mocks give a new task definition revision the same ARN as the old one, so a service never sees its
 * `taskDefinition` input change: it follows from the replaced task definition it depends on. Other dependents of a
 * replaced resource are returned as knock-on effects, for the provider to decide.
 */
export function addFollowOnChanges(changes: ResourceChange[], head: SnapshotResource[]): KnockOn[] {
    const renewed = new Map(
        changes
            .filter((change) => change.action === "replace" || change.action === "create")
            .map((change) => [change.urn, change]),
    );
    const changed = new Map(changes.map((change) => [change.urn, change]));
    const knockOn: KnockOn[] = [];
    for (const resource of head) {
        const sources = resource.dependencies.flatMap((urn) => renewed.get(urn) ?? []);
        const revision = sources.find((source) => source.type === rolloutDependencies[resource.type]);
        const change = changed.get(resource.urn);
        if (revision !== undefined && change?.action !== "create" && change?.action !== "replace") {
            const reason = `its task definition \`${revision.name}\` is ${revision.action}d`;
            if (change === undefined) {
                changes.push({
                    urn: resource.urn,
                    type: resource.type,
                    name: resource.name,
                    action: "update",
                    properties: [],
                    rebuildsImage: false,
                    newDeployment: reason,
                });
            } else {
                change.newDeployment ??= reason;
                // The service's other changes may all be ignored, but the new revision is still deployed.
                change.action = change.action === "ignored" ? "update" : change.action;
            }
        } else if (change === undefined && sources.some((source) => source.action === "replace")) {
            knockOn.push({
                type: resource.type,
                name: resource.name,
                replacedDependencies: sources.filter((s) => s.action === "replace").map((s) => s.name),
            });
        }
    }
    return knockOn.sort(byTypeAndName);
}
