// The VPC endpoints that let tasks without a NAT gateway reach ECR, logs and secrets (ec2, 2016-11-15), and the awsx
// VPC's endpoint specs, which awsx passes to the aws.ec2.VpcEndpoint it creates.
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, isNotSent, MemberTarget, NotSent, tagSpecifications } from "../apiMapping";

const create = (member: string, toApi?: (value: unknown) => unknown): MemberTarget => ({
    operation: "CreateVpcEndpoint",
    member,
    ...(toApi === undefined ? {} : { toApi }),
});

/** hashicorp/terraform-provider-aws internal/service/ec2/vpc_endpoint.go: resourceVPCEndpointCreate's input. */
const endpointInputs: Readonly<Record<string, MemberTarget | NotSent>> = {
    vpcId: create("VpcId"),
    serviceName: create("ServiceName"),
    vpcEndpointType: create("VpcEndpointType"),
    privateDnsEnabled: create("PrivateDnsEnabled"),
    policy: create("PolicyDocument"),
    routeTableIds: create("RouteTableIds"),
    securityGroupIds: create("SecurityGroupIds"),
    subnetIds: create("SubnetIds"),
    subnetConfigurations: create("SubnetConfigurations"),
    ipAddressType: create("IpAddressType"),
    dnsOptions: create("DnsOptions"),
    serviceRegion: create("ServiceRegion"),
    serviceNetworkArn: create("ServiceNetworkArn"),
    resourceConfigurationArn: create("ResourceConfigurationArn"),
    tags: create("TagSpecifications", tagSpecifications("vpc-endpoint")),
    autoAccept: {
        notSent: "makes the provider accept the connection (AcceptVpcEndpointConnections) when it awaits acceptance",
    },
};

/**
 * awsx's endpoint specs as the CreateVpcEndpoint requests of the endpoints it creates (awsx/ec2/vpc.ts passes each
 * spec's fields to aws.ec2.VpcEndpoint). A field the table lacks stays under its own name, so that the check lists
 * it as a key of no member rather than passing it.
 */
function endpointRequests(specs: unknown): Record<string, unknown>[] {
    return (specs as Record<string, unknown>[]).map((spec) =>
        Object.fromEntries(
            Object.entries(spec).flatMap(([key, value]) => {
                const target = endpointInputs[key];
                if (target === undefined) {
                    return [[key, value]];
                }
                return isNotSent(target) ? [] : [[target.member, target.toApi?.(value) ?? value]];
            }),
        ),
    );
}

/** The awsx VPC's endpoint specs, each checked as the request its endpoint sends. */
export const vpcEndpointSpecs: MemberTarget = create("[]", endpointRequests);

export const vpcEndpointMappings: Readonly<Record<string, ApiMapping>> = {
    [t.vpcEndpoint]: {
        service: "ec2",
        source: "hashicorp/terraform-provider-aws internal/service/ec2/vpc_endpoint.go: resourceVPCEndpointCreate (CreateVpcEndpoint)",
        inputs: endpointInputs,
    },
};
