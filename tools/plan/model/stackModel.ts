// A planned stack with the lookups its views share: resources by type and parent, and the resource behind each
// ID, ARN or name the mocks handed out, so that views say "from group firewall-alb" rather than "from sg-0a1b...".
import type { ProgramRun } from "../../mocks/mockEngine";
import { Snapshot, SnapshotResource } from "./snapshot";
import type { PolicyReport } from "../policy/judge";

/** The outputs by which other resources refer to a resource. */
const referenceOutputs = ["arn", "name", "repositoryUrl", "repoDigest", "dnsName"] as const;

export class StackModel {
    private readonly byUrn: Map<string, SnapshotResource>;
    private readonly byReference = new Map<string, SnapshotResource>();

    constructor(
        readonly snapshot: Snapshot,
        /** Reference value (ID, ARN, name...) to the URN of the one resource it identifies. */
        references: ReadonlyMap<string, string>,
        /** What the policy pack (policy/) found in the planned stack; undefined for a plan read back from a snapshot. */
        readonly policy?: PolicyReport,
    ) {
        this.byUrn = new Map(snapshot.resources.map((resource) => [resource.urn, resource]));
        for (const [value, urn] of references) {
            const resource = this.byUrn.get(urn);
            if (resource !== undefined) {
                this.byReference.set(value, resource);
            }
        }
    }

    get resources(): SnapshotResource[] {
        return this.snapshot.resources;
    }

    ofType(type: string): SnapshotResource[] {
        return this.snapshot.resources.filter((resource) => resource.type === type);
    }

    children(parent: string | null): SnapshotResource[] {
        return this.snapshot.resources.filter((resource) => resource.parent === parent);
    }

    /** The declared resources `resource` takes values from or waits for. */
    dependencies(resource: SnapshotResource): SnapshotResource[] {
        return resource.dependencies.flatMap((urn) => this.byUrn.get(urn) ?? []);
    }

    /** The resource an ID, ARN or name refers to, if the program declared it. */
    referenced(value: unknown): SnapshotResource | undefined {
        return typeof value === "string" ? this.byReference.get(value) : undefined;
    }

    /** The name of the resource `value` refers to, or the value itself (say, an address of the default VPC). */
    label(value: unknown): string {
        return this.referenced(value)?.name ?? String(value);
    }
}

/** Every reference value of the run's resources; a value two resources share identifies neither and is left out. */
export function referenceValues(run: ProgramRun): Map<string, string> {
    const owners = new Map<string, Set<string>>();
    for (const resource of run.resources.filter((recorded) => recorded.custom)) {
        const values = [resource.id, ...referenceOutputs.map((key) => resource.outputs[key])];
        for (const value of values) {
            if (typeof value === "string" && value !== "") {
                owners.set(value, (owners.get(value) ?? new Set()).add(resource.urn));
            }
        }
    }
    return new Map([...owners].filter(([, urns]) => urns.size === 1).map(([value, urns]) => [value, [...urns][0]]));
}
