// Where the service runs: the account's default VPC, or a dedicated VPC with public and private subnets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parseIpv4Cidr } from "../config/cidr";
import { dedicatedVpc, Subnets } from "./dedicatedVpc";

/** Plain values, not Inputs: they decide how many resources exist, which must be known before any is declared. */
export interface NetworkArgs {
    /** "default" (cheap, public subnets only) or "dedicated" (public and private subnets behind NAT gateways). */
    vpc: "default" | "dedicated";
    /** The dedicated VPC's address block, e.g. 10.0.0.0/16. */
    vpcCidr: string;
    /** How many availability zones the dedicated VPC spans. */
    availabilityZones: number;
}

export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Empty for the default VPC, which has no private subnets. */
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    /** Tasks run in private subnets, without public IPs, whenever this is true. */
    public readonly hasPrivateSubnets: boolean;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:Network", name, {}, opts);
        const cidr = parseIpv4Cidr(args.vpcCidr);
        if (args.vpc === "dedicated" && cidr === undefined) {
            throw new Error(
                `Network: \`vpcCidr\` is "${args.vpcCidr}"; allowed: an IPv4 CIDR block such as 10.0.0.0/16`,
            );
        }
        if (args.vpc === "dedicated" && args.availabilityZones < 2) {
            throw new Error(`Network: \`availabilityZones\` is ${args.availabilityZones}; allowed: 2 or more`);
        }
        this.hasPrivateSubnets = args.vpc === "dedicated";
        const subnets =
            cidr !== undefined && this.hasPrivateSubnets
                ? dedicatedVpc(name, { cidr, zoneCount: args.availabilityZones }, this)
                : this.defaultVpc();
        this.vpcId = subnets.vpcId;
        this.publicSubnetIds = subnets.publicSubnetIds;
        this.privateSubnetIds = subnets.privateSubnetIds;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
        });
    }

    /** The account's default VPC: one public subnet per zone, nothing to create or pay for. */
    private defaultVpc(): Subnets {
        const vpc = aws.ec2.getVpcOutput({ default: true }, { parent: this });
        const subnets = aws.ec2.getSubnetsOutput(
            {
                filters: [
                    { name: "vpc-id", values: [vpc.id] },
                    { name: "default-for-az", values: ["true"] },
                ],
            },
            { parent: this },
        );
        return { vpcId: vpc.id, publicSubnetIds: subnets.ids, privateSubnetIds: pulumi.output([]) };
    }
}
