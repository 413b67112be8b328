// The network: VPC, subnets, gateways, routes, security groups and their rules (ec2, 2016-11-15), and the awsx
// VPC component, whose arguments reach the same calls through the resources awsx creates.
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, attributeBoolean, MemberTarget, tagList, tagSpecifications } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/ec2/";

/** One rule of aws.vpc.SecurityGroupIngressRule/EgressRule as the API's one IpPermission (expandIPPermission). */
function ruleMappings(operation: string) {
    const permission = (member: string) => ({ operation, member: `IpPermissions[].${member}` });
    return {
        securityGroupId: { operation, member: "GroupId" },
        ipProtocol: permission("IpProtocol"),
        fromPort: permission("FromPort"),
        toPort: permission("ToPort"),
        cidrIpv4: permission("IpRanges[].CidrIp"),
        cidrIpv6: permission("Ipv6Ranges[].CidrIpv6"),
        referencedSecurityGroupId: permission("UserIdGroupPairs[].GroupId"),
        prefixListId: permission("PrefixListIds[].PrefixListId"),
        description: permission("IpRanges[].Description"),
        tags: { operation, member: "TagSpecifications", toApi: tagSpecifications("security-group-rule") },
    };
}

/** The inline ingress/egress blocks of aws.ec2.SecurityGroup and DefaultSecurityGroup (expandIPPerms). */
function inlineRules(operation: string): MemberTarget {
    return {
        operation,
        member: "IpPermissions",
        toApi: (value) =>
            (value as Record<string, unknown>[]).map((rule) => ({
                IpProtocol: rule.protocol,
                FromPort: rule.fromPort,
                ToPort: rule.toPort,
                IpRanges: ((rule.cidrBlocks as string[] | undefined) ?? []).map((CidrIp) => ({
                    CidrIp,
                    Description: rule.description,
                })),
                Ipv6Ranges: ((rule.ipv6CidrBlocks as string[] | undefined) ?? []).map((CidrIpv6) => ({ CidrIpv6 })),
                UserIdGroupPairs: ((rule.securityGroups as string[] | undefined) ?? []).map((GroupId) => ({ GroupId })),
            })),
    };
}

const vpcArguments = {
    cidrBlock: { operation: "CreateVpc", member: "CidrBlock" },
    instanceTenancy: { operation: "CreateVpc", member: "InstanceTenancy" },
    assignGeneratedIpv6CidrBlock: { operation: "CreateVpc", member: "AmazonProvidedIpv6CidrBlock" },
    ipv4IpamPoolId: { operation: "CreateVpc", member: "Ipv4IpamPoolId" },
    ipv4NetmaskLength: { operation: "CreateVpc", member: "Ipv4NetmaskLength" },
    enableDnsHostnames: { operation: "ModifyVpcAttribute", member: "EnableDnsHostnames", toApi: attributeBoolean },
    enableDnsSupport: { operation: "ModifyVpcAttribute", member: "EnableDnsSupport", toApi: attributeBoolean },
    tags: { operation: "CreateVpc", member: "TagSpecifications", toApi: tagSpecifications("vpc") },
};

export const ec2Mappings: Readonly<Record<string, ApiMapping>> = {
    [t.vpc]: {
        service: "ec2",
        source: `${source}vpc_.go: resourceVPCCreate (CreateVpc), modifyVPCAttributesOnCreate (ModifyVpcAttribute)`,
        inputs: {
            ...vpcArguments,
            enableNetworkAddressUsageMetrics: {
                operation: "ModifyVpcAttribute",
                member: "EnableNetworkAddressUsageMetrics",
                toApi: attributeBoolean,
            },
        },
    },
    "awsx:ec2:Vpc": {
        service: "ec2",
        source: "pulumi/pulumi-awsx awsx/ec2/vpc.ts: the VPC's arguments go to aws.ec2.Vpc, then CreateVpc/ModifyVpcAttribute",
        inputs: {
            ...vpcArguments,
            numberOfAvailabilityZones: { notSent: "awsx picks that many zones from getAvailabilityZones" },
            availabilityZoneNames: { notSent: "awsx creates one subnet per zone and kind" },
            availabilityZoneCidrMask: { notSent: "awsx divides the VPC's block per zone (checked as subnet sizes)" },
            subnetStrategy: { notSent: "awsx's own layout of subnet blocks" },
            subnetSpecs: { notSent: "awsx's subnet kinds; their cidrMask is checked as a documented rule" },
            natGateways: { notSent: "awsx's choice of none, one or one NAT gateway per zone" },
            vpcEndpointSpecs: { notSent: "awsx's endpoint specs, sent by the aws.ec2.VpcEndpoint it creates" },
        },
    },
    [t.subnet]: {
        service: "ec2",
        source: `${source}vpc_subnet.go: resourceSubnetCreate (CreateSubnet, ModifySubnetAttribute)`,
        inputs: {
            vpcId: { operation: "CreateSubnet", member: "VpcId" },
            cidrBlock: { operation: "CreateSubnet", member: "CidrBlock" },
            availabilityZone: { operation: "CreateSubnet", member: "AvailabilityZone" },
            availabilityZoneId: { operation: "CreateSubnet", member: "AvailabilityZoneId" },
            ipv6CidrBlock: { operation: "CreateSubnet", member: "Ipv6CidrBlock" },
            ipv6Native: { operation: "CreateSubnet", member: "Ipv6Native" },
            mapPublicIpOnLaunch: {
                operation: "ModifySubnetAttribute",
                member: "MapPublicIpOnLaunch",
                toApi: attributeBoolean,
            },
            assignIpv6AddressOnCreation: {
                operation: "ModifySubnetAttribute",
                member: "AssignIpv6AddressOnCreation",
                toApi: attributeBoolean,
            },
            tags: { operation: "CreateSubnet", member: "TagSpecifications", toApi: tagSpecifications("subnet") },
        },
    },
    [t.internetGateway]: {
        service: "ec2",
        source: `${source}vpc_internet_gateway.go: resourceInternetGatewayCreate (CreateInternetGateway, AttachInternetGateway)`,
        inputs: {
            vpcId: { operation: "AttachInternetGateway", member: "VpcId" },
            tags: {
                operation: "CreateInternetGateway",
                member: "TagSpecifications",
                toApi: tagSpecifications("internet-gateway"),
            },
        },
    },
    [t.natGateway]: {
        service: "ec2",
        source: `${source}vpc_nat_gateway.go: resourceNATGatewayCreate (CreateNatGateway)`,
        inputs: {
            allocationId: { operation: "CreateNatGateway", member: "AllocationId" },
            subnetId: { operation: "CreateNatGateway", member: "SubnetId" },
            connectivityType: { operation: "CreateNatGateway", member: "ConnectivityType" },
            privateIp: { operation: "CreateNatGateway", member: "PrivateIpAddress" },
            tags: {
                operation: "CreateNatGateway",
                member: "TagSpecifications",
                toApi: tagSpecifications("natgateway"),
            },
        },
    },
    [t.eip]: {
        service: "ec2",
        source: `${source}ec2_eip.go: resourceEIPCreate (AllocateAddress)`,
        inputs: {
            domain: { operation: "AllocateAddress", member: "Domain" },
            publicIpv4Pool: { operation: "AllocateAddress", member: "PublicIpv4Pool" },
            networkBorderGroup: { operation: "AllocateAddress", member: "NetworkBorderGroup" },
            tags: { operation: "AllocateAddress", member: "TagSpecifications", toApi: tagSpecifications("elastic-ip") },
        },
    },
    [t.routeTable]: {
        service: "ec2",
        source: `${source}vpc_route_table.go: resourceRouteTableCreate (CreateRouteTable), routeTableAddRoute (CreateRoute)`,
        renames: { cidrBlock: "DestinationCidrBlock", ipv6CidrBlock: "DestinationIpv6CidrBlock" },
        inputs: {
            vpcId: { operation: "CreateRouteTable", member: "VpcId" },
            routes: { operation: "CreateRoute", member: "[]" },
            tags: {
                operation: "CreateRouteTable",
                member: "TagSpecifications",
                toApi: tagSpecifications("route-table"),
            },
        },
    },
    "aws:ec2/route:Route": {
        service: "ec2",
        source: `${source}vpc_route.go: resourceRouteCreate (CreateRoute)`,
        inputs: {
            routeTableId: { operation: "CreateRoute", member: "RouteTableId" },
            destinationCidrBlock: { operation: "CreateRoute", member: "DestinationCidrBlock" },
            destinationIpv6CidrBlock: { operation: "CreateRoute", member: "DestinationIpv6CidrBlock" },
            gatewayId: { operation: "CreateRoute", member: "GatewayId" },
            natGatewayId: { operation: "CreateRoute", member: "NatGatewayId" },
            vpcEndpointId: { operation: "CreateRoute", member: "VpcEndpointId" },
        },
    },
    [t.routeTableAssociation]: {
        service: "ec2",
        source: `${source}vpc_route_table_association.go: resourceRouteTableAssociationCreate (AssociateRouteTable)`,
        inputs: {
            routeTableId: { operation: "AssociateRouteTable", member: "RouteTableId" },
            subnetId: { operation: "AssociateRouteTable", member: "SubnetId" },
            gatewayId: { operation: "AssociateRouteTable", member: "GatewayId" },
        },
    },
    [t.defaultSecurityGroup]: {
        service: "ec2",
        source: `${source}vpc_default_security_group.go: the provider revokes every rule, then authorizes the declared ones`,
        inputs: {
            vpcId: { notSent: "selects the VPC's default group (DescribeSecurityGroups filter)" },
            ingress: inlineRules("AuthorizeSecurityGroupIngress"),
            egress: inlineRules("AuthorizeSecurityGroupEgress"),
            tags: { operation: "CreateTags", member: "Tags", toApi: tagList },
        },
    },
    [t.securityGroup]: {
        service: "ec2",
        source: `${source}vpc_security_group.go: resourceSecurityGroupCreate (CreateSecurityGroup), updateSecurityGroupRules`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateSecurityGroup", member: "GroupName" },
            description: { operation: "CreateSecurityGroup", member: "Description" },
            vpcId: { operation: "CreateSecurityGroup", member: "VpcId" },
            ingress: inlineRules("AuthorizeSecurityGroupIngress"),
            egress: inlineRules("AuthorizeSecurityGroupEgress"),
            revokeRulesOnDelete: { notSent: "makes the provider revoke the rules before DeleteSecurityGroup" },
            tags: {
                operation: "CreateSecurityGroup",
                member: "TagSpecifications",
                toApi: tagSpecifications("security-group"),
            },
        },
    },
    [t.ingressRule]: {
        service: "ec2",
        source: `${source}vpc_security_group_ingress_rule.go: create (AuthorizeSecurityGroupIngress), expandIPPermission`,
        inputs: ruleMappings("AuthorizeSecurityGroupIngress"),
    },
    [t.egressRule]: {
        service: "ec2",
        source: `${source}vpc_security_group_egress_rule.go: create (AuthorizeSecurityGroupEgress), expandIPPermission`,
        inputs: ruleMappings("AuthorizeSecurityGroupEgress"),
    },
};
