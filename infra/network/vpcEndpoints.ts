// The interface endpoints that let tasks in private subnets reach ECR and CloudWatch Logs without a NAT gateway, and
// the security group they share. Its one rule, HTTPS from the tasks' group, is declared with the tasks' own rules
// (securityGroups.ts); awsx's default for such a group would admit the whole VPC.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface InterfaceEndpointsArgs {
    vpcId: pulumi.Input<string>;
    /** One per zone: each endpoint puts a network interface in each of them. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Full service names, e.g. com.amazonaws.us-east-1.ecr.api; plain, as each is a resource. */
    serviceNames: readonly string[];
}

export interface InterfaceEndpoints {
    /** The endpoints' group; undefined when there are no endpoints. */
    groupId: pulumi.Output<string> | undefined;
    ids: pulumi.Output<string>[];
}

export function interfaceEndpoints(
    name: string,
    args: InterfaceEndpointsArgs,
    parent: pulumi.Resource,
): InterfaceEndpoints {
    if (args.serviceNames.length === 0) {
        return { groupId: undefined, ids: [] };
    }
    // The endpoints' group; the provider removes AWS's allow-all egress rule, and they answer only what reaches them.
    const group = new aws.ec2.SecurityGroup(
        `${name}-endpoints`,
        {
            vpcId: args.vpcId,
            description: "VPC interface endpoints: HTTPS from the service tasks only",
            tags: { Name: `${name}-endpoints` },
        },
        { parent },
    );
    const ids = args.serviceNames.map((serviceName) => {
        const suffix = serviceName.split(".").slice(3).join("-");
        // A network interface in each zone's private subnet; private DNS makes the service's usual name resolve to it.
        const endpoint = new aws.ec2.VpcEndpoint(
            `${name}-${suffix}`,
            {
                vpcId: args.vpcId,
                serviceName,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds: args.subnetIds,
                securityGroupIds: [group.id],
                tags: { Name: `${name}-${suffix}` },
            },
            { parent },
        );
        return endpoint.id;
    });
    return { groupId: group.id, ids };
}
