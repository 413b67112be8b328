// An architecture diagram of the stack as declared, drawn from the recorded graph: which resources exist, which
// depend on which, and the listeners and security group rules that carry traffic. Nothing here is hand-placed.
import { grantedResource } from "./iamView";
import { drawnAsNode, escape, nodeId, nodeShape } from "./mermaidNodes";
import { StackModel } from "../model/stackModel";
import { expandJsonStrings } from "../model/properties";
import { componentTypes as c, resourceTypes as t, shortType } from "../../resourceTypes";
import { groupsOf, firewallRules } from "./firewallView";
import { SnapshotResource } from "../model/snapshot";

type Inputs = Record<string, any>;

const existingSubnets = "existing_subnets";

interface Edge {
    from: string;
    to: string;
    label: string;
    dashed: boolean;
}

type EdgeLabel = string | ((dependent: Inputs, dependency: SnapshotResource, stack: StackModel) => string);

/** How a dependency appears: `dependent>dependency` types to an edge, drawn from the dependent unless `reverse`. */
const dependencyEdges: Readonly<Record<string, { label: EdgeLabel; dashed?: boolean; reverse?: boolean }>> = {
    [`${t.service}>${t.targetGroup}`]: {
        label: (service) =>
            `to tasks on ${((service.loadBalancers ?? []) as Inputs[]).map((lb) => lb.containerPort).join(", ")}`,
        reverse: true,
    },
    [`${t.service}>${t.taskDefinition}`]: { label: "runs" },
    [`${t.service}>${t.cluster}`]: { label: "in", dashed: true },
    [`${t.service}>${t.subnet}`]: { label: "tasks in", dashed: true },
    [`${t.scalingTarget}>${t.service}`]: { label: "scales" },
    [`${t.taskDefinition}>${t.image}`]: { label: "image by digest" },
    [`${t.taskDefinition}>${t.logGroup}`]: { label: "logs to" },
    [`${t.taskDefinition}>${t.role}`]: {
        label: (task, role, stack) =>
            stack.referenced(task.executionRoleArn)?.urn === role.urn ? "execution role" : "task role",
        dashed: true,
    },
    [`${t.image}>${t.repository}`]: {
        label: (_image, repository) =>
            (repository.inputs as Inputs).imageTagMutability === "IMMUTABLE_WITH_EXCLUSION"
                ? "build cache in"
                : "pushed to",
    },
    [`${t.loadBalancer}>${t.subnet}`]: { label: "in", dashed: true },
    [`${t.natGateway}>${t.internetGateway}`]: { label: "out via", dashed: true },
    [`${t.loadBalancer}>${c.awsxVpc}`]: { label: "in public subnets", dashed: true },
    [`${t.service}>${c.awsxVpc}`]: { label: "tasks in private subnets", dashed: true },
    [`${t.service}>${t.vpcEndpoint}`]: { label: "image pulls, logs via", dashed: true },
    [`${t.vpcEndpoint}>${c.awsxVpc}`]: { label: "in private subnets", dashed: true },
};

export function renderMermaid(stack: StackModel): string {
    const diagram = new Diagram(stack);
    return diagram.render();
}

class Diagram {
    private readonly edges = new Map<string, Edge>();

    constructor(private readonly stack: StackModel) {
        this.addTraffic();
        for (const resource of stack.resources) {
            for (const dependency of stack.dependencies(resource)) {
                this.addDependency(resource, dependency);
            }
        }
        this.addRoutes();
        this.addPolicies();
        this.addExistingSubnets();
    }

    render(): string {
        const lines = ["flowchart LR", '  internet(("Internet"))', ...this.subgraph(null, "  ")];
        if (this.isConnected(existingSubnets)) {
            lines.push(`  ${existingSubnets}["existing subnets<br/>read, not created"]`);
        }
        for (const edge of this.edges.values()) {
            const arrow = edge.dashed ? "-.->" : "-->";
            lines.push(`  ${edge.from} ${arrow}|"${escape(edge.label)}"| ${edge.to}`);
        }
        return `${lines.join("\n")}\n`;
    }

    /** Internet to whatever carries a group open to it; load balancer to target group through each listener. */
    private addTraffic(): void {
        const open = firewallRules(this.stack).filter((rule) => rule.direction === "inbound" && rule.anywhere);
        for (const resource of this.stack.resources) {
            const ports = open.filter((rule) => groupsOf(this.stack, resource).includes(rule.groupUrn));
            if (ports.length > 0) {
                this.edge("internet", nodeId(resource), [...new Set(ports.map((rule) => rule.ports))].join(", "));
            }
        }
        for (const listener of this.stack.ofType(t.listener)) {
            const inputs = listener.inputs as Inputs;
            const loadBalancer = this.stack.referenced(inputs.loadBalancerArn);
            for (const action of (inputs.defaultActions ?? []) as Inputs[]) {
                const targetGroup = this.stack.referenced(action.targetGroupArn);
                if (loadBalancer !== undefined && targetGroup !== undefined) {
                    this.edge(nodeId(loadBalancer), nodeId(targetGroup), `${inputs.protocol} ${inputs.port}`);
                }
            }
        }
        // Listener rules (blue/green's): each forwards part of a listener's traffic to its groups, by weight.
        for (const rule of this.stack.ofType(t.listenerRule)) {
            const inputs = rule.inputs as Inputs;
            const listener = this.stack.referenced(inputs.listenerArn);
            const loadBalancer = this.stack.referenced(listener?.inputs.loadBalancerArn);
            const condition = ((inputs.conditions ?? []) as Inputs[])
                .map((c) =>
                    c.httpHeader !== undefined ? `header ${c.httpHeader.httpHeaderName}` : c.pathPattern?.values,
                )
                .join(", ");
            for (const group of ((inputs.actions ?? []) as Inputs[]).flatMap((a) => a.forward?.targetGroups ?? [])) {
                const targetGroup = this.stack.referenced(group.arn);
                if (listener !== undefined && loadBalancer !== undefined && targetGroup !== undefined) {
                    const port = `${String(listener.inputs.protocol)} ${String(listener.inputs.port)}`;
                    this.edge(
                        nodeId(loadBalancer),
                        nodeId(targetGroup),
                        `${port} ${condition}, weight ${group.weight}`,
                    );
                }
            }
        }
    }

    private addDependency(dependent: SnapshotResource, dependency: SnapshotResource): void {
        const rule = dependencyEdges[`${dependent.type}>${dependency.type}`];
        if (rule === undefined) {
            return;
        }
        const [from, to] = rule.reverse ? [dependency, dependent] : [dependent, dependency];
        const label =
            typeof rule.label === "string" ? rule.label : rule.label(dependent.inputs, dependency, this.stack);
        this.edge(nodeId(from), nodeId(to), label, rule.dashed);
    }

    /** Subnets to where their default route leads: the internet gateway or a NAT gateway. */
    private addRoutes(): void {
        for (const association of this.stack.ofType(t.routeTableAssociation)) {
            const inputs = association.inputs as Inputs;
            const subnet = this.stack.referenced(inputs.subnetId);
            const table = this.stack.referenced(inputs.routeTableId);
            for (const route of (table?.inputs?.routes ?? []) as Inputs[]) {
                const target = this.stack.referenced(route.gatewayId ?? route.natGatewayId);
                if (subnet !== undefined && target !== undefined) {
                    this.edge(nodeId(subnet), nodeId(target), `${route.cidrBlock}`, true);
                }
            }
        }
        for (const gateway of this.stack.ofType(t.internetGateway)) {
            this.edge(nodeId(gateway), "internet", "out", true);
        }
    }

    /** Each inline policy as edges from its role to the resources it grants access to. */
    private addPolicies(): void {
        for (const policy of this.stack.ofType(t.rolePolicy)) {
            const role = this.stack.referenced((policy.inputs as Inputs).role);
            const document = expandJsonStrings(policy.inputs.policy) as Inputs;
            for (const statement of [document.Statement ?? []].flat() as Inputs[]) {
                const actions = [statement.Action].flat().map((action: string) => action.replace(/^.*:/, ""));
                for (const resource of [statement.Resource].flat()) {
                    const target = this.drawnResource(grantedResource(this.stack, resource));
                    if (role !== undefined && target !== undefined) {
                        this.edge(nodeId(role), nodeId(target), `may ${actions.join(", ")}`, true);
                    }
                }
            }
        }
    }

    /** The node standing for `resource`: itself, or for a listener or listener rule, the load balancer it is on. */
    private drawnResource(resource: SnapshotResource | undefined): SnapshotResource | undefined {
        if (resource === undefined || nodeShape(resource, this.stack) !== undefined) {
            return resource;
        }
        const listener =
            resource.type === t.listenerRule
                ? this.stack.referenced((resource.inputs as Inputs).listenerArn)
                : resource;
        return listener?.type === t.listener
            ? this.stack.referenced((listener.inputs as Inputs).loadBalancerArn)
            : undefined;
    }

    /** Subnets the program only reads (the default VPC's) appear once, outside every component. */
    private addExistingSubnets(): void {
        for (const resource of [...this.stack.ofType(t.loadBalancer), ...this.stack.ofType(t.service)]) {
            if (this.stack.dependencies(resource).some((dependency) => !dependency.custom)) {
                continue; // its subnets are a multi-language component's, drawn as that component
            }
            const inputs = resource.inputs as Inputs;
            const subnets: unknown[] = inputs.subnets ?? inputs.networkConfiguration?.subnets ?? [];
            if (subnets.some((id) => this.stack.referenced(id) === undefined)) {
                this.edge(nodeId(resource), existingSubnets, resource.type === t.service ? "tasks in" : "in", true);
            }
        }
    }

    private edge(from: string, to: string, label: string, dashed = false): void {
        if (from !== to) {
            this.edges.set(`${from}>${to}>${label}`, { from, to, label, dashed });
        }
    }

    /** The drawn resources under `parent`, with a nested subgraph per component. */
    private subgraph(parent: string | null, indent: string): string[] {
        const lines: string[] = [];
        const drawn = new Set<string>();
        for (const child of this.stack.children(parent)) {
            if (!drawnAsNode(child)) {
                const inner = this.subgraph(child.urn, `${indent}  `);
                if (inner.length > 0) {
                    lines.push(
                        `${indent}subgraph ${nodeId(child)}["${escape(`${child.name} (${shortType(child.type)})`)}"]`,
                    );
                    lines.push(...inner, `${indent}end`);
                }
                continue;
            }
            const shape = nodeShape(child, this.stack);
            const id = nodeId(child);
            if (shape !== undefined && this.isConnected(id) && !drawn.has(id)) {
                drawn.add(id);
                lines.push(`${indent}${id}${shape}`);
            }
        }
        return lines;
    }

    private isConnected(id: string): boolean {
        return [...this.edges.values()].some((edge) => edge.from === id || edge.to === id);
    }
}
