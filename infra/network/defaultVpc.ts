// The account's default VPC: one public subnet per zone, nothing to create or pay for. It is looked up as a list, so
// that a region without one fails with a line saying what to set rather than the provider's "no matching EC2 VPC".
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkLayout } from "./network";

/** Reads the default VPC and its default subnets (filters from EC2's DescribeVpcs and DescribeSubnets). */
export function defaultVpc(parent: pulumi.Resource): NetworkLayout {
    const vpcs = aws.ec2.getVpcsOutput({ filters: [{ name: "is-default", values: ["true"] }] }, { parent });
    const vpcId = vpcs.apply(({ ids, region }) => {
        if (ids.length === 0) {
            throw new NoDefaultVpc(region);
        }
        return ids[0];
    });
    // Only a default VPC has default subnets, so this needs no VPC ID: a failed lookup above stays out of invokes,
    // where the SDK would log it a second time with its stack (sdk/nodejs/runtime/invoke.ts).
    const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "default-for-az", values: ["true"] }] }, { parent });
    return {
        vpcId,
        publicSubnetIds: subnets.ids,
        taskSubnetIds: subnets.ids,
        tasksNeedPublicIp: true,
        endpointGroupId: undefined,
    };
}

/**
 * The one line a stack without a default VPC fails with: the key, its value, and the two ways out. A RunError reaches
 * the user as its message alone (sdk/nodejs/cmd/run/run.ts: "Always hide the stack for RunErrors"), at preview as at
 * update, as data sources are read in both; the SDK reports an error once however many resources it fails, as it
 * dedupes by identity. Its message is fixed: the SDK prepends 'error serializing property "vpcId": ' to an error's
 * message each time a resource input carries it (sdk/nodejs/runtime/rpc.ts, serializeFilteredProperties), so the
 * security groups and the target group would otherwise print it behind three such prefixes.
 */
export class NoDefaultVpc extends pulumi.RunError {
    constructor(region: string) {
        const text =
            `\`${pulumi.getProject()}:vpc\` is "default" but ${region} has no default VPC; set it to dedicated ` +
            `(pulumi config set vpc dedicated), or create one with aws ec2 create-default-vpc --region ${region}`;
        super(text);
        Object.defineProperty(this, "message", { get: () => text, set: () => undefined });
    }
}
