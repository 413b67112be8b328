// The recorded dependency graph, read the way the engine orders creation: a resource is created only after every
// resource it depends on, directly or through others. The SDK never records a dependency on a local component (it
// expands one into the component's children); a dependency on a multi-language component is recorded as the
// component itself, which "will always wait on all of their children" (pulumi/pulumi sdk/nodejs/runtime/dependsOn.ts,
// getAllTransitivelyReferencedResources): it stands for everything the component creates (awsxVpc.ts).
import { resourceTypes as t } from "../resourceTypes";
import type { Snapshot, SnapshotResource } from "../plan/model/snapshot";
import { componentProvisions } from "./awsxVpc";
import { endpointProvision, type Provision } from "./provisions";

type Inputs = Record<string, any>;

/** What a declared resource provides; for a multi-language component, what it creates. */
function provisions(resource: SnapshotResource): Provision[] {
    const inputs = resource.inputs as Inputs;
    switch (resource.type) {
        case t.internetGateway:
            return ["internetGateway"];
        case t.natGateway:
            return ["natGateway"];
        case t.routeTable:
            return ((inputs.routes ?? []) as Inputs[]).some((route) => route.natGatewayId !== undefined)
                ? ["natRoute"]
                : [];
        case t.route:
            return inputs.natGatewayId === undefined ? [] : ["natRoute"];
        case t.routeTableAssociation:
            return ["routeAssociation"];
        case t.vpcEndpoint:
            return [endpointProvision(inputs.serviceName)];
        default:
            return resource.custom ? [] : componentProvisions(resource);
    }
}

export class DependencyGraph {
    private readonly byUrn: ReadonlyMap<string, SnapshotResource>;
    private readonly closures = new Map<string, ReadonlySet<string>>();

    constructor(readonly snapshot: Snapshot) {
        this.byUrn = new Map(snapshot.resources.map((resource) => [resource.urn, resource]));
    }

    ofType(type: string): SnapshotResource[] {
        return this.snapshot.resources.filter((resource) => resource.type === type);
    }

    /** The declared resources `resource` names as its direct dependencies. */
    direct(resource: SnapshotResource): SnapshotResource[] {
        return resource.dependencies.flatMap((urn) => this.byUrn.get(urn) ?? []);
    }

    /** The URNs of every resource created before `resource`: its dependencies, theirs, and so on. */
    waitsFor(resource: SnapshotResource): ReadonlySet<string> {
        const known = this.closures.get(resource.urn);
        if (known !== undefined) {
            return known;
        }
        const reached = new Set<string>();
        const pending = [...resource.dependencies];
        for (let urn = pending.pop(); urn !== undefined; urn = pending.pop()) {
            if (!reached.has(urn)) {
                reached.add(urn);
                pending.push(...(this.byUrn.get(urn)?.dependencies ?? []));
            }
        }
        this.closures.set(resource.urn, reached);
        return reached;
    }

    /** Whether `dependency` is created before `resource`. */
    waits(resource: SnapshotResource, dependency: SnapshotResource): boolean {
        return this.waitsFor(resource).has(dependency.urn);
    }

    /** What exists before `resource` is created. */
    provisionsBefore(resource: SnapshotResource): ReadonlySet<Provision> {
        return new Set([...this.waitsFor(resource)].flatMap((urn) => this.provisionsOf(urn)));
    }

    /** Whether `resource` sits in a network the stack declares (rather than one it only reads, like the default VPC). */
    inDeclaredNetwork(resource: SnapshotResource): boolean {
        return [...this.waitsFor(resource)].some((urn) => {
            const dependency = this.byUrn.get(urn);
            return (
                dependency?.type === t.vpc || (dependency !== undefined && componentProvisions(dependency).length > 0)
            );
        });
    }

    private provisionsOf(urn: string): Provision[] {
        const resource = this.byUrn.get(urn);
        return resource === undefined ? [] : provisions(resource);
    }
}
