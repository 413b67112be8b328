// The dedicated VPC: a public and a private subnet in each availability zone, an internet gateway, and one NAT
// gateway per zone for the private subnets' outbound traffic.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { formatIpv4Cidr, Ipv4Cidr, subnetCidr } from "../config/cidr";

export interface DedicatedVpcArgs {
    cidr: Ipv4Cidr;
    /** Plain value: one public and one private subnet (and NAT gateway) per zone. */
    zoneCount: number;
}

/** What the service needs of a VPC. */
export interface Subnets {
    vpcId: pulumi.Output<string>;
    publicSubnetIds: pulumi.Output<string[]>;
    privateSubnetIds: pulumi.Output<string[]>;
}

/** Each subnet is 1/16 of the VPC; public subnets take slots 0.., private ones slots 8.. */
const subnetBits = 4;
const firstPrivateSlot = 8;

/** Declares the VPC's resources as children of `parent` (the Network component). */
export function dedicatedVpc(name: string, args: DedicatedVpcArgs, parent: pulumi.Resource): Subnets {
    const { cidr, zoneCount } = args;
    const zones = aws.getAvailabilityZonesOutput({ state: "available" }, { parent });
    const vpc = new aws.ec2.Vpc(
        `${name}-vpc`,
        {
            cidrBlock: formatIpv4Cidr(cidr),
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: { Name: `${name}-vpc` },
        },
        { parent },
    );
    // A VPC's default group lets all its members talk to each other; emptying it leaves only the groups
    // declared here.
    new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id }, { parent });
    const gateway = new aws.ec2.InternetGateway(
        `${name}-igw`,
        { vpcId: vpc.id, tags: { Name: `${name}-igw` } },
        { parent },
    );
    // Public subnets (the load balancer, the NAT gateways) route to the internet gateway.
    const publicRoutes = new aws.ec2.RouteTable(
        `${name}-public-rt`,
        {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }],
            tags: { Name: `${name}-public-rt` },
        },
        { parent },
    );

    const publicSubnets: aws.ec2.Subnet[] = [];
    const privateSubnets: aws.ec2.Subnet[] = [];
    for (let i = 0; i < zoneCount; i++) {
        const zone = zones.names.apply((names) => zoneAt(names, i, zoneCount));
        const suffix = `${i + 1}`;
        // Public subnet of this zone: the load balancer's nodes and the NAT gateway live here.
        const publicSubnet = new aws.ec2.Subnet(
            `${name}-public-${suffix}`,
            {
                vpcId: vpc.id,
                cidrBlock: subnetCidr(cidr, subnetBits, i),
                availabilityZone: zone,
                mapPublicIpOnLaunch: false,
                tags: { Name: `${name}-public-${suffix}`, tier: "public" },
            },
            { parent },
        );
        new aws.ec2.RouteTableAssociation(
            `${name}-public-${suffix}`,
            {
                subnetId: publicSubnet.id,
                routeTableId: publicRoutes.id,
            },
            { parent },
        );
        // Private subnet of this zone: the tasks, reachable only through the load balancer.
        const privateSubnet = new aws.ec2.Subnet(
            `${name}-private-${suffix}`,
            {
                vpcId: vpc.id,
                cidrBlock: subnetCidr(cidr, subnetBits, firstPrivateSlot + i),
                availabilityZone: zone,
                mapPublicIpOnLaunch: false,
                tags: { Name: `${name}-private-${suffix}`, tier: "private" },
            },
            { parent },
        );
        // One NAT gateway per zone, so tasks keep pulling images and shipping logs when another zone fails.
        const natAddress = new aws.ec2.Eip(
            `${name}-nat-${suffix}`,
            { domain: "vpc", tags: { Name: `${name}-nat-${suffix}` } },
            { parent },
        );
        const nat = new aws.ec2.NatGateway(
            `${name}-nat-${suffix}`,
            {
                allocationId: natAddress.allocationId,
                subnetId: publicSubnet.id,
                tags: { Name: `${name}-nat-${suffix}` },
            },
            { parent, dependsOn: [gateway] },
        );
        // Private subnets send outbound traffic (ECR, CloudWatch Logs) through their zone's NAT gateway.
        const privateRoutes = new aws.ec2.RouteTable(
            `${name}-private-rt-${suffix}`,
            {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                tags: { Name: `${name}-private-rt-${suffix}` },
            },
            { parent },
        );
        new aws.ec2.RouteTableAssociation(
            `${name}-private-${suffix}`,
            {
                subnetId: privateSubnet.id,
                routeTableId: privateRoutes.id,
            },
            { parent },
        );
        publicSubnets.push(publicSubnet);
        privateSubnets.push(privateSubnet);
    }
    return {
        vpcId: vpc.id,
        publicSubnetIds: pulumi.all(publicSubnets.map((subnet) => subnet.id)),
        privateSubnetIds: pulumi.all(privateSubnets.map((subnet) => subnet.id)),
    };
}

/** The i-th available zone, or a clear error when the region has fewer zones than configured. */
function zoneAt(names: string[], i: number, zoneCount: number): string {
    if (names.length < zoneCount) {
        throw new Error(
            `\`availabilityZones\` is ${zoneCount} but this region has ${names.length} available zones ` +
                `(${names.join(", ")}); allowed: at most ${names.length}`,
        );
    }
    return names[i];
}
