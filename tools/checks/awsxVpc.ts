// What awsx.ec2.Vpc creates, and in what order, read from its source (pulumi/pulumi-awsx awsx/ec2/vpc.ts, the file
// @pulumi/awsx 3.9.0 runs): the check cannot see the component's children, so these facts stand in for them.
import { componentTypes as c } from "../resourceTypes";
import type { SnapshotResource } from "../plan/model/snapshot";
import { endpointProvision, type Provision } from "./provisions";

type Inputs = Record<string, any>;

/** awsx's default when `natGateways` is not given ("args.natGateways?.strategy ?? 'OnePerAz'"). */
function natStrategy(inputs: Inputs): string {
    return String(inputs.natGateways?.strategy ?? "OnePerAz");
}

/**
 * What a multi-language component creates before it completes, from its arguments; nothing for other resources.
 * awsx.ec2.Vpc always creates an internet gateway ("We unconditionally create the IGW"), a route table and its
 * association per subnet, a NAT gateway and a route to it per private subnet unless the strategy is None, and an
 * endpoint per spec, which is wired only with vpcEndpointStrategy "Auto" (route tables for a gateway endpoint,
 * subnets for an interface one) or when the spec names them itself.
 */
export function componentProvisions(resource: SnapshotResource): Provision[] {
    if (resource.type !== c.awsxVpc) {
        return [];
    }
    const inputs = resource.inputs as Inputs;
    const auto = inputs.vpcEndpointStrategy === "Auto";
    const endpoints = ((inputs.vpcEndpointSpecs ?? []) as Inputs[]).filter((spec) => {
        const gateway = spec.vpcEndpointType === undefined || String(spec.vpcEndpointType).toLowerCase() === "gateway";
        return auto || (gateway ? spec.routeTableIds !== undefined : spec.subnetIds !== undefined);
    });
    return [
        "internetGateway",
        "routeAssociation",
        ...(natStrategy(inputs) === "None" ? [] : (["natGateway", "natRoute"] as const)),
        ...endpoints.map((spec) => endpointProvision(spec.serviceName)),
    ];
}

/** An ordering a component leaves to chance among its own children, which no option of the program can fix. */
export interface InternalRace {
    dependent: string;
    dependency: string;
    why: string;
}

/**
 * awsx declares each NatGateway with `dependsOn: [subnet]` and its Eip likewise, never the internet gateway, which
 * it creates in parallel (vpc.ts); AWS fails a NAT gateway created in a VPC without an attached internet gateway.
 */
export function componentRaces(resource: SnapshotResource): InternalRace[] {
    if (resource.type !== c.awsxVpc || natStrategy(resource.inputs) === "None") {
        return [];
    }
    return [
        {
            dependent: `the NAT gateways of ${resource.name} (awsx:ec2:Vpc)`,
            dependency: "its internet gateway",
            why:
                "awsx declares each NatGateway with dependsOn its subnet only (pulumi-awsx awsx/ec2/vpc.ts), and AWS " +
                'fails a NAT gateway whose VPC has no internet gateway attached yet ("Network vpc-… has no internet ' +
                'gateway attached", VPC User Guide, "Troubleshoot NAT gateways"); a second pulumi up creates it. ' +
                "natGateways none with vpcEndpoints all has no NAT gateway to race",
        },
    ];
}
