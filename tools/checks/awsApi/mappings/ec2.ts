// The network: VPC, subnets, gateways and routes (ec2, 2016-11-15), and the awsx VPC component, whose arguments
// reach the same calls through the resources awsx creates.
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, attributeBoolean, tagSpecifications } from "../apiMapping";
import { vpcEndpointSpecs } from "./vpcEndpoints";

const source = "hashicorp/terraform-provider-aws internal/service/ec2/";

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
        source:
            "pulumi/pulumi-awsx awsx/ec2/vpc.ts: the VPC's arguments go to aws.ec2.Vpc, then CreateVpc/ModifyVpcAttribute; " +
            "each endpoint spec's fields to an aws.ec2.VpcEndpoint, then CreateVpcEndpoint",
        inputs: {
            ...vpcArguments,
            numberOfAvailabilityZones: { notSent: "awsx picks that many zones from getAvailabilityZones" },
            availabilityZoneNames: { notSent: "awsx creates one subnet per zone and kind" },
            availabilityZoneCidrMask: { notSent: "awsx divides the VPC's block per zone (checked as subnet sizes)" },
            subnetStrategy: { notSent: "awsx's own layout of subnet blocks" },
            subnetSpecs: { notSent: "awsx's subnet kinds; their cidrMask is checked as a documented rule" },
            natGateways: { notSent: "awsx's choice of none, one or one NAT gateway per zone" },
            vpcEndpointSpecs,
            vpcEndpointStrategy: {
                notSent: "whether awsx fills a spec's omitted subnets and route tables from those it creates",
            },
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
};
