// The creation orders AWS needs, checked on a plan's recorded dependency graph rather than on how the program
// happens to build its network: an order holds when the dependent waits, directly or through others, for what it
// needs (dependencyGraph.ts), whichever resources or component provide it.
import { resourceTypes as t, shortType } from "../resourceTypes";
import type { Snapshot, SnapshotResource } from "../plan/model/snapshot";
import { componentRaces } from "./awsxVpc";
import { DependencyGraph } from "./dependencyGraph";
import { privateTaskEndpoints } from "./provisions";

type Inputs = Record<string, any>;

/** `dependent` may be created before `dependency`, and `why` that fails. */
export interface OrderFinding {
    dependent: string;
    dependency: string;
    why: string;
}

interface OrderRule {
    /** The order, as the plan lists the orders it checked. */
    order: string;
    findings(graph: DependencyGraph): OrderFinding[];
}

const label = (resource: SnapshotResource) => `${resource.name} (${shortType(resource.type)})`;

/** The services' tasks and what each one's inputs name. */
function services(graph: DependencyGraph): { service: SnapshotResource; inputs: Inputs }[] {
    return graph.ofType(t.service).map((service) => ({ service, inputs: service.inputs }));
}

export const creationOrderRules: readonly OrderRule[] = [
    {
        order: "internet gateway before an internet-facing load balancer",
        findings: (graph) =>
            graph
                .ofType(t.loadBalancer)
                .filter((lb) => (lb.inputs as Inputs).internal !== true && graph.inDeclaredNetwork(lb))
                .filter((lb) => !graph.provisionsBefore(lb).has("internetGateway"))
                .map((lb) => ({
                    dependent: label(lb),
                    dependency: "the internet gateway of its VPC",
                    why: 'ELB refuses an internet-facing load balancer in a VPC without one ("VPC has no internet gateway")',
                })),
    },
    {
        order: "internet gateway before a NAT gateway",
        findings: (graph) => [
            ...graph
                .ofType(t.natGateway)
                .filter((nat) => !graph.provisionsBefore(nat).has("internetGateway"))
                .map((nat) => ({
                    dependent: label(nat),
                    dependency: "the internet gateway of its VPC",
                    why: 'AWS fails a NAT gateway whose VPC has no internet gateway attached ("Network vpc-… has no internet gateway attached")',
                })),
            ...graph.snapshot.resources.filter((resource) => !resource.custom).flatMap(componentRaces),
        ],
    },
    {
        order: "listener (or listener rule) before the service that registers tasks in its target group",
        findings: (graph) =>
            services(graph).flatMap(({ service }) =>
                graph
                    .direct(service)
                    .filter((group) => group.type === t.targetGroup)
                    .filter((group) => {
                        // A group is in use once a listener's default action or a listener rule forwards to it
                        // (blue/green's second group is reached only through its rules).
                        const forwarding = [...graph.ofType(t.listener), ...graph.ofType(t.listenerRule)].filter(
                            (forwarder) => forwarder.dependencies.includes(group.urn),
                        );
                        return !forwarding.some((forwarder) => graph.waits(service, forwarder));
                    })
                    .map((group) => ({
                        dependent: label(service),
                        dependency: `a listener or listener rule that forwards to ${group.name}`,
                        why: "ECS refuses a target group that no load balancer uses",
                    })),
            ),
    },
    {
        order: "the task roles' policies before the service",
        findings: (graph) =>
            services(graph).flatMap(({ service }) => {
                const roles = graph
                    .direct(service)
                    .filter((task) => task.type === t.taskDefinition)
                    .flatMap((task) => graph.direct(task).filter((role) => role.type === t.role));
                return graph
                    .ofType(t.rolePolicy)
                    .filter((policy) => roles.some((role) => policy.dependencies.includes(role.urn)))
                    .filter((policy) => !graph.waits(service, policy))
                    .map((policy) => ({
                        dependent: label(service),
                        dependency: label(policy),
                        why: "a task started before its execution role's policy cannot pull its image or write its logs",
                    }));
            }),
    },
    {
        order: "the rules of the tasks' security groups before the service",
        findings: (graph) =>
            services(graph).flatMap(({ service, inputs }) => {
                const groups: unknown[] = inputs.networkConfiguration?.securityGroups ?? [];
                return [...graph.ofType(t.ingressRule), ...graph.ofType(t.egressRule)]
                    .filter((rule) => {
                        const r = rule.inputs as Inputs;
                        return groups.includes(r.securityGroupId) || groups.includes(r.referencedSecurityGroupId);
                    })
                    .filter((rule) => !graph.waits(service, rule))
                    .map((rule) => ({
                        dependent: label(service),
                        dependency: label(rule),
                        why: "a group lets nothing through until its rules exist: no image pull, no health check",
                    }));
            }),
    },
    {
        order: "routes (NAT gateway or VPC endpoints) before tasks in private subnets",
        findings: (graph) =>
            services(graph)
                .filter(({ inputs }) => inputs.networkConfiguration?.assignPublicIp !== true)
                .filter(({ service }) => graph.inDeclaredNetwork(service))
                .filter(({ service }) => {
                    const ready = graph.provisionsBefore(service);
                    const nat = ready.has("natGateway") && ready.has("natRoute") && ready.has("routeAssociation");
                    return !nat && !privateTaskEndpoints.every((endpoint) => ready.has(endpoint));
                })
                .map(({ service }) => ({
                    dependent: label(service),
                    dependency: "a route to a NAT gateway, or endpoints for ECR api, ECR dkr, S3 and CloudWatch Logs",
                    why: "a task in a private subnet started before them times out pulling its image",
                })),
    },
    {
        order: "scalable target before its scaling policies",
        findings: (graph) =>
            graph
                .ofType(t.scalingPolicy)
                .filter((policy) => !graph.ofType(t.scalingTarget).some((target) => graph.waits(policy, target)))
                .map((policy) => ({
                    dependent: label(policy),
                    dependency: "its scalable target",
                    why: "Application Auto Scaling refuses a policy for a target not yet registered",
                })),
    },
];

/** Every order the snapshot's graph leaves to chance. */
export function creationOrderFindings(snapshot: Snapshot): OrderFinding[] {
    const graph = new DependencyGraph(snapshot);
    return creationOrderRules.flatMap((rule) => rule.findings(graph));
}

/** "X may be created before Y: why". */
export function describeFinding(finding: OrderFinding): string {
    return `${finding.dependent} may be created before ${finding.dependency}: ${finding.why}`;
}
