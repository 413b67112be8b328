// Where the service runs: the account's default VPC, or a dedicated VPC (built by awsx) with public and private
// subnets.
import * as pulumi from "@pulumi/pulumi";
import type { DedicatedVpcSettings } from "../config/vpcSettings";
import { dedicatedVpc } from "./dedicatedVpc";
import { defaultVpc } from "./defaultVpc";

export interface NetworkArgs {
    /** Plain value, as it decides which resources exist: undefined runs in the account's default VPC. */
    dedicatedVpc: DedicatedVpcSettings | undefined;
}

/** What the load balancer, the security groups and the tasks need of a network. */
export interface NetworkLayout {
    vpcId: pulumi.Output<string>;
    publicSubnetIds: pulumi.Output<string[]>;
    /** Resolves only once the tasks' way to ECR and CloudWatch Logs exists (routes, NAT gateways, endpoints). */
    taskSubnetIds: pulumi.Output<string[]>;
    tasksNeedPublicIp: boolean;
    /** The interface endpoints' security group, when there are interface endpoints. */
    endpointGroupId: pulumi.Output<string> | undefined;
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
    /** The group of the interface endpoints, which the tasks' group must be let into; undefined when there are none. */
    public readonly endpointGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:Network", name, {}, opts);
        const layout = args.dedicatedVpc === undefined ? defaultVpc(this) : dedicatedVpc(name, args.dedicatedVpc, this);
        this.vpcId = layout.vpcId;
        this.publicSubnetIds = layout.publicSubnetIds;
        this.taskSubnetIds = layout.taskSubnetIds;
        this.tasksNeedPublicIp = layout.tasksNeedPublicIp;
        this.endpointGroupId = layout.endpointGroupId;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            taskSubnetIds: this.taskSubnetIds,
        });
    }
}
