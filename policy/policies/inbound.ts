// Every way a stack lets traffic into a security group, in one shape: separate ingress rules of either kind and the
// inline `ingress` blocks of the group itself.
import type { PolicyResource } from "@pulumi/policy";
import { dependedOn, label, ofType, types } from "./scope";

export const world = ["0.0.0.0/0", "::/0"];

export interface Inbound {
    /** The group the rule lets traffic into; undefined when it is not declared in the stack. */
    group: PolicyResource | undefined;
    /** Where the rule is declared: a rule resource, or the group for an inline block. */
    declaredBy: PolicyResource;
    protocol: string;
    fromPort: number;
    toPort: number;
    /** Address blocks and prefix lists the rule admits. */
    addresses: string[];
    /** Declared groups the rule admits. */
    groups: PolicyResource[];
    /** Group IDs the rule admits that name no group declared in the stack (or that are not known yet). */
    otherGroups: string[];
    self: boolean;
}

/** "tcp 80" or "tcp 8000-8100" or "all traffic". */
export function ports(rule: Inbound): string {
    if (rule.protocol === "-1" || rule.protocol === "all") {
        return "all traffic";
    }
    return `${rule.protocol} ${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
}

export function sources(rule: Inbound): string {
    return [...rule.addresses, ...rule.groups.map(label), ...rule.otherGroups, ...(rule.self ? ["itself"] : [])].join(
        ", ",
    );
}

/** Every inbound rule of the stack. */
export function inboundRules(resources: readonly PolicyResource[]): Inbound[] {
    const groups = ofType(resources, types.securityGroup);
    const byId = new Map(groups.flatMap((group) => known(() => group.props.id as unknown).map((id) => [id, group])));
    const groupOf = (rule: PolicyResource) => dependedOn(rule, "securityGroupId", types.securityGroup)[0];
    const inline = groups.flatMap((group) =>
        list<Record<string, any>>(group.props.ingress).map((block) => {
            const ids = list<string>(block.securityGroups);
            return {
                group,
                declaredBy: group,
                protocol: String(block.protocol),
                fromPort: Number(block.fromPort),
                toPort: Number(block.toPort),
                addresses: [
                    ...list<string>(block.cidrBlocks),
                    ...list<string>(block.ipv6CidrBlocks),
                    ...list<string>(block.prefixListIds),
                ],
                groups: ids.flatMap((id) => byId.get(id) ?? []),
                otherGroups: ids.filter((id) => !byId.has(id)),
                self: block.self === true,
            };
        }),
    );
    const vpcRules = ofType(resources, types.ingressRule).map((rule) => {
        const p = rule.props;
        const source = dependedOn(rule, "referencedSecurityGroupId", types.securityGroup);
        return {
            group: groupOf(rule),
            declaredBy: rule,
            protocol: String(p.ipProtocol),
            fromPort: Number(p.fromPort),
            toPort: Number(p.toPort),
            addresses: [p.cidrIpv4, p.cidrIpv6, p.prefixListId].filter(
                (value): value is string => typeof value === "string",
            ),
            groups: source,
            otherGroups:
                source.length === 0 && typeof p.referencedSecurityGroupId === "string"
                    ? [p.referencedSecurityGroupId]
                    : [],
            self: false,
        };
    });
    const legacyRules = ofType(resources, types.securityGroupRule)
        .filter((rule) => rule.props.type === "ingress")
        .map((rule) => {
            const p = rule.props;
            const source = dependedOn(rule, "sourceSecurityGroupId", types.securityGroup);
            return {
                group: groupOf(rule),
                declaredBy: rule,
                protocol: String(p.protocol),
                fromPort: Number(p.fromPort),
                toPort: Number(p.toPort),
                addresses: [
                    ...list<string>(p.cidrBlocks),
                    ...list<string>(p.ipv6CidrBlocks),
                    ...list<string>(p.prefixListIds),
                ],
                groups: source,
                otherGroups:
                    source.length === 0 && typeof p.sourceSecurityGroupId === "string" ? [p.sourceSecurityGroupId] : [],
                self: p.self === true,
            };
        });
    return [...inline, ...vpcRules, ...legacyRules];
}

/** The security groups the stack's load balancers use. */
export function loadBalancerGroups(resources: readonly PolicyResource[]): PolicyResource[] {
    return ofType(resources, ...types.loadBalancers).flatMap((loadBalancer) =>
        dependedOn(loadBalancer, "securityGroups", types.securityGroup),
    );
}

function list<T>(value: unknown): T[] {
    return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * The value `read` returns, or nothing while the engine does not know it yet (a preview of a resource to be
 * created): the engine's proxy throws on reading an unknown value, which would cancel the whole policy.
 */
export function known<T>(read: () => T): NonNullable<T>[] {
    try {
        const value = read();
        return value === undefined || value === null ? [] : [value];
    } catch (error) {
        if (error instanceof Error && error.constructor.name === "UnknownValueError") {
            return [];
        }
        throw error;
    }
}
