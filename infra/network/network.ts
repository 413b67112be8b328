// Where the service runs: the account's default VPC, or a dedicated VPC with public and private subnets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Ipv4Cidr, parseIpv4Cidr } from "../config/cidr";
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
    /** Where the load balancer's nodes live: one public subnet per zone. */
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    /** Where the tasks run: the private subnets when there are any, else the public ones. */
    public readonly taskSubnetIds: pulumi.Output<string[]>;
    /**
     * Whether tasks need a public IP: in public subnets without a NAT gateway it is their only way to ECR and
     * CloudWatch Logs; in private subnets they get none. Plain value: it is known before any resource exists.
     */
    public readonly tasksNeedPublicIp: boolean;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:Network", name, {}, opts);
        const subnets =
            args.vpc === "dedicated"
                ? dedicatedVpc(name, { cidr: vpcCidr(args.vpcCidr), zoneCount: args.availabilityZones }, this)
                : this.defaultVpc();
        const privateSubnets = args.vpc === "dedicated";
        this.vpcId = subnets.vpcId;
        this.publicSubnetIds = subnets.publicSubnetIds;
        this.taskSubnetIds = privateSubnets ? subnets.privateSubnetIds : subnets.publicSubnetIds;
        this.tasksNeedPublicIp = !privateSubnets;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            taskSubnetIds: this.taskSubnetIds,
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

/** The configuration has checked `vpcCidr` already (config/rules.ts); this only turns the text into numbers. */
function vpcCidr(text: string): Ipv4Cidr {
    const cidr = parseIpv4Cidr(text);
    if (cidr === undefined) {
        throw new Error(`Network: \`vpcCidr\` is "${text}"; allowed: an IPv4 CIDR block such as 10.0.0.0/16`);
    }
    return cidr;
}
