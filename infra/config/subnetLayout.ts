// How the dedicated VPC's block is carved into subnets, and what each subnet must hold. The one source for the layout
// the program hands awsx (network/dedicatedVpc.ts) and for the rule that refuses a block too small (vpcSettings.ts).
import { formatIpv4Cidr, Ipv4Cidr } from "./cidr";

/** ECS starts a deployment's new tasks before it stops the old ones: up to this share of the task count runs at once. */
export const deploymentMaximumPercent = 200;

/**
 * AWS reserves the first four addresses and the last one of every subnet (Amazon VPC User Guide, "Subnet sizing",
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
 */
const reservedPerSubnet = 5;

/**
 * An Application Load Balancer's subnets need at least a /27 and at least 8 free addresses, for the nodes it adds as
 * it scales (ELB User Guide, "Subnets for your load balancer",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer).
 */
const loadBalancerSubnet = { largestPrefix: 27, freeAddresses: 8 } as const;

/**
 * Each zone gets an equal share of the block, as awsx's "Auto" strategy divides it (VPC prefix + ceil(log2(zones)),
 * allocateSubnetCidrBlocks in pulumi-awsx awsx/ec2/subnetDistributorNew.ts); within a zone the private subnet takes
 * the first half and the public one the next quarter, the sizes awsx itself picks when given no subnet specs
 * (defaultSubnetInputs there). A quarter of each zone stays free for subnets added later.
 */
export interface SubnetLayout {
    zonePrefix: number;
    privatePrefix: number;
    publicPrefix: number;
}

export function subnetLayout(vpcPrefix: number, zones: number): SubnetLayout {
    const zonePrefix = vpcPrefix + Math.ceil(Math.log2(zones));
    return { zonePrefix, privatePrefix: zonePrefix + 1, publicPrefix: zonePrefix + 2 };
}

/** What the subnets of every zone must hold. */
export interface SubnetDemand {
    zones: number;
    maxCount: number;
    /** Interface endpoints: each puts one network interface in every private subnet. */
    interfaceEndpoints: number;
    /** A NAT gateway puts one network interface in a public subnet. */
    natGateways: boolean;
}

/**
 * Why a block of `vpcPrefix` cannot hold `demand`; empty when it can. A zone's private subnet must hold a whole
 * deployment (maxCount tasks at deploymentMaximumPercent, one address each), so the service still deploys when only
 * one zone has room; a public subnet must suit the load balancer beside a NAT gateway.
 */
export function shortfalls(vpcPrefix: number, demand: SubnetDemand): string[] {
    const layout = subnetLayout(vpcPrefix, demand.zones);
    const tasks = Math.ceil((demand.maxCount * deploymentMaximumPercent) / 100);
    const privateNeed = tasks + demand.interfaceEndpoints;
    const privateUsable = usableAddresses(layout.privatePrefix);
    const reasons: string[] = [];
    if (privateUsable < privateNeed) {
        reasons.push(
            `each private subnet would be a /${layout.privatePrefix} with ${privateUsable} usable ` +
                `addresses, but a deployment needs ${privateNeed} (${tasks} tasks: maxCount ${demand.maxCount} at ` +
                `${deploymentMaximumPercent} %` +
                (demand.interfaceEndpoints > 0 ? `, and ${demand.interfaceEndpoints} endpoint interfaces)` : ")"),
        );
    }
    const publicFree = usableAddresses(layout.publicPrefix) - (demand.natGateways ? 1 : 0);
    if (layout.publicPrefix > loadBalancerSubnet.largestPrefix || publicFree < loadBalancerSubnet.freeAddresses) {
        reasons.push(
            `each public subnet would be a /${layout.publicPrefix}, but an Application Load Balancer needs a ` +
                `/${loadBalancerSubnet.largestPrefix} or larger with ${loadBalancerSubnet.freeAddresses} free addresses`,
        );
    }
    return reasons;
}

/** The smallest block (the longest prefix from `longest` down to `shortest`) that holds `demand`, if any does. */
export function smallestFittingPrefix(demand: SubnetDemand, shortest: number, longest: number): number | undefined {
    for (let prefix = longest; prefix >= shortest; prefix--) {
        if (shortfalls(prefix, demand).length === 0) {
            return prefix;
        }
    }
    return undefined;
}

/** The block of `prefix` that contains `cidr`'s first address, e.g. (10.0.1.0/24, 22) is 10.0.0.0/22. */
export function enclosingBlock(cidr: Ipv4Cidr, prefix: number): string {
    const size = 2 ** (32 - prefix);
    return formatIpv4Cidr({ base: Math.floor(cidr.base / size) * size, prefix });
}

function usableAddresses(prefix: number): number {
    return 2 ** (32 - prefix) - reservedPerSubnet;
}
