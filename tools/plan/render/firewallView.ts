// The network side of the security posture: every security group rule with its peer, and everything reachable
// from (or addressable on) the internet.
import { StackModel } from "../model/stackModel";
import { compareText } from "../model/properties";
import { resourceTypes as t } from "../../resourceTypes";
import { SnapshotResource } from "../model/snapshot";

type Inputs = Record<string, any>;

export interface RuleView {
    direction: "inbound" | "outbound";
    rule: string;
    group: string;
    /** "" when the group is not one the program declares. */
    groupUrn: string;
    ports: string;
    /** For ordering: rules read by port, 80 before 443. */
    fromPort: number;
    peer: string;
    /** The peer is the whole internet (0.0.0.0/0 or ::/0). */
    anywhere: boolean;
    description: string;
}

export function firewallRules(stack: StackModel): RuleView[] {
    const rules = [
        ...stack.ofType(t.ingressRule).map((rule) => ruleView(stack, rule, "inbound")),
        ...stack.ofType(t.egressRule).map((rule) => ruleView(stack, rule, "outbound")),
    ];
    return rules.sort(
        (a, b) =>
            compareText(a.direction, b.direction) ||
            compareText(a.group, b.group) ||
            a.fromPort - b.fromPort ||
            compareText(a.rule, b.rule),
    );
}

function ruleView(stack: StackModel, rule: SnapshotResource, direction: RuleView["direction"]): RuleView {
    const inputs = rule.inputs as Inputs;
    return {
        direction,
        rule: rule.name,
        group: stack.label(inputs.securityGroupId),
        groupUrn: stack.referenced(inputs.securityGroupId)?.urn ?? "",
        ports: ports(inputs),
        fromPort: Number(inputs.fromPort ?? -1),
        peer: peer(stack, inputs),
        anywhere: inputs.cidrIpv4 === "0.0.0.0/0" || inputs.cidrIpv6 === "::/0",
        description: String(inputs.description ?? ""),
    };
}

/** "tcp 80", "tcp 1024-65535" or "all traffic". */
export function ports(inputs: Inputs): string {
    if (inputs.ipProtocol === "-1" || inputs.ipProtocol === "all") {
        return "all traffic";
    }
    const range = inputs.fromPort === inputs.toPort ? `${inputs.fromPort}` : `${inputs.fromPort}-${inputs.toPort}`;
    return `${inputs.ipProtocol} ${range}`;
}

export function peer(stack: StackModel, inputs: Inputs): string {
    if (inputs.referencedSecurityGroupId !== undefined) {
        return `group ${stack.label(inputs.referencedSecurityGroupId)}`;
    }
    const cidr = inputs.cidrIpv4 ?? inputs.cidrIpv6 ?? inputs.prefixListId;
    return cidr === "0.0.0.0/0" || cidr === "::/0" ? `${cidr} (anywhere)` : String(cidr);
}

/** URNs of the security groups a load balancer or a service carries. */
export function groupsOf(stack: StackModel, resource: SnapshotResource): string[] {
    const inputs = resource.inputs as Inputs;
    const groups: unknown[] = inputs.securityGroups ?? inputs.networkConfiguration?.securityGroups ?? [];
    return groups.flatMap((id) => stack.referenced(id)?.urn ?? []);
}

/** What the internet can reach or address: who accepts traffic from where, public IPs, and what stays private. */
export function exposure(stack: StackModel): string[] {
    const rules = firewallRules(stack).filter((rule) => rule.direction === "inbound");
    const accepts = (resource: SnapshotResource): string => {
        const groups = groupsOf(stack, resource);
        const allowed = rules.filter((rule) => groups.includes(rule.groupUrn));
        return allowed.length === 0
            ? "accepts nothing"
            : `accepts ${allowed.map((r) => `${r.ports} from ${r.peer}`).join(", ")}`;
    };
    const open = stack.resources.filter((resource) =>
        rules.some((rule) => rule.anywhere && groupsOf(stack, resource).includes(rule.groupUrn)),
    );
    const lines = [`Open to the internet: ${open.map((resource) => resource.name).join(", ") || "nothing"}`];
    for (const lb of stack.ofType(t.loadBalancer)) {
        const scheme = (lb.inputs as Inputs).internal === true ? "internal" : "internet-facing";
        lines.push(`${lb.name} (load balancer): ${scheme}; ${accepts(lb)}`);
    }
    for (const service of stack.ofType(t.service)) {
        const publicIp = (service.inputs as Inputs).networkConfiguration?.assignPublicIp === true;
        lines.push(
            `${service.name} (tasks): ${publicIp ? "public IP addresses" : "no public IP addresses"}; ${accepts(service)}`,
        );
    }
    for (const subnet of stack.ofType(t.subnet).filter((s) => (s.inputs as Inputs).mapPublicIpOnLaunch === true)) {
        lines.push(`${subnet.name} (subnet): gives a public IP address to everything started in it`);
    }
    const nats = stack.ofType(t.natGateway).map((nat) => nat.name);
    if (nats.length > 0) {
        lines.push(`${nats.join(", ")} (NAT): public addresses for outbound traffic only, no inbound connections`);
    }
    for (const repository of stack.ofType(t.repository)) {
        lines.push(`${repository.name} (ECR): private; no repository policy, so only IAM principals of the account`);
    }
    return lines;
}
