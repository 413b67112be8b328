// The diagram's nodes: which resources are drawn, with what shape and label. Resources that carry traffic between
// others (listeners, security group rules) or only refine one (policies, route tables) appear as edges or not at all.
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { componentTypes, resourceTypes as t, shortType } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";
import { tagMutability } from "./highlights";

type Inputs = Record<string, any>;

/** Subnets of one tier, all NAT gateways, and all VPC endpoints, are drawn as one node; every other resource as its own. */
export function nodeId(resource: SnapshotResource): string {
    const inputs = resource.inputs as Inputs;
    const key =
        resource.type === t.subnet
            ? `subnets_${inputs.tags?.tier ?? "other"}`
            : resource.type === t.natGateway
              ? "nat_gateways"
              : resource.type === t.vpcEndpoint
                ? "vpc_endpoints"
                : `${shortType(resource.type)}_${resource.name}`;
    return key.replace(/[^A-Za-z0-9_]/g, "_");
}

const multiLanguageComponents: ReadonlySet<string> = new Set(Object.values(componentTypes));

/** A multi-language component is drawn as one node, as its children are out of sight; a local one as a subgraph. */
export function drawnAsNode(resource: SnapshotResource): boolean {
    return resource.custom || multiLanguageComponents.has(resource.type);
}

const box = (text: string) => `["${escape(text)}"]`;
const store = (text: string) => `[("${escape(text)}")]`;
const identity = (text: string) => `{{"${escape(text)}"}}`;

/** The node's shape and label, or undefined for a resource drawn only as an edge or not at all. */
export function nodeShape(resource: SnapshotResource, stack: StackModel): string | undefined {
    const i = expandJsonStrings(resource.inputs) as Inputs;
    const name = resource.name;
    switch (resource.type) {
        case t.loadBalancer:
            return box(`${name}<br/>${i.internal === true ? "internal" : "internet-facing"} ALB`);
        case t.targetGroup:
            return box(
                `${name}<br/>target group: ${i.targetType} ${i.protocol} ${i.port}<br/>health ${i.healthCheck?.path}`,
            );
        case t.service:
            return box(`${name}<br/>ECS service: ${i.desiredCount} ${i.launchType} task(s)`);
        case t.taskDefinition:
            return box(`${name}<br/>task: ${i.cpu} CPU, ${i.memory} MiB, ${i.runtimePlatform?.cpuArchitecture}`);
        case t.cluster:
            return box(`${name}<br/>ECS cluster`);
        case t.image:
            return box(`${name}<br/>image ${[i.platforms].flat().join(", ")}`);
        case t.repository:
            return store(`${name}<br/>ECR, ${tagMutability(i)} tags`);
        case t.logGroup:
            return store(`${i.name}<br/>logs, ${i.retentionInDays} days`);
        case t.role:
            return identity(`${name}<br/>IAM role`);
        case t.scalingTarget:
            return box(`${name}<br/>autoscaling ${i.minCapacity}-${i.maxCapacity} tasks`);
        case t.subnet: {
            const tier = stack.ofType(t.subnet).filter((subnet) => nodeId(subnet) === nodeId(resource));
            return box(
                `${tier.length} ${i.tags?.tier ?? ""} subnets<br/>${tier.map((s) => s.inputs.cidrBlock).join(", ")}`,
            );
        }
        case t.natGateway:
            return box(`${stack.ofType(t.natGateway).length} NAT gateways`);
        case t.internetGateway:
            return box(`${name}<br/>internet gateway`);
        case componentTypes.awsxVpc:
            return box(
                `${name}<br/>awsx VPC ${i.cidrBlock}, ${i.numberOfAvailabilityZones ?? 3} zones<br/>` +
                    `NAT gateways: ${i.natGateways?.strategy ?? "OnePerAz"}<br/>gateway endpoints: ` +
                    `${((i.vpcEndpointSpecs ?? []) as Inputs[]).map((spec) => String(spec.serviceName).split(".").slice(3).join(".")).join(", ") || "none"}`,
            );
        case t.vpcEndpoint: {
            const endpoints = stack.ofType(t.vpcEndpoint);
            return box(
                `${endpoints.length} VPC endpoints<br/>` +
                    endpoints.map((e) => String(e.inputs.serviceName).split(".").slice(3).join(".")).join(", "),
            );
        }
        default:
            return undefined;
    }
}

/** Mermaid ends a quoted label at a double quote; its entity code keeps it. */
export function escape(text: string): string {
    return text.replace(/"/g, "#quot;");
}
