// The dedicated VPC on awsx (infra/network/dedicatedVpc.ts): the component, whose provider declares the VPC's parts
// (network.ts), routes and S3 gateway endpoint; and the interface endpoints the program declares beside it
// (infra/network/vpcEndpoints.ts).
import { ec2Create, ec2TagUpdates } from "./ec2Tags";
import { type ProviderCalls, changes, created, owned, reads } from "./types";

const vpc = "ec2:vpc";
const subnet = "ec2:subnet";
const routeTable = "ec2:route-table";
const endpoint = "ec2:vpc-endpoint";

const source = (file: string, calls: string) => `terraform-provider-aws internal/service/ec2/${file} (${calls})`;

export const awsxVpcCalls: ProviderCalls[] = [
    {
        type: "aws:ec2/route:Route",
        source: source(
            "vpc_route.go",
            "Create: CreateRoute, DescribeRouteTables until the route exists; Update: ReplaceRoute; Delete: " +
                "DeleteRoute",
        ),
        calls: [
            changes("ec2:CreateRoute", "create", owned(routeTable)),
            reads("ec2:DescribeRouteTables", "create read update delete"),
            changes("ec2:ReplaceRoute", "update", owned(routeTable)),
            changes("ec2:DeleteRoute", "delete", owned(routeTable)),
        ],
    },
    {
        type: "aws:ec2/vpcEndpoint:VpcEndpoint",
        source: source(
            "vpc_endpoint.go",
            "Create: CreateVpcEndpoint with TagSpecifications (route tables for a gateway endpoint; subnets and " +
                "security groups for an interface endpoint), DescribeVpcEndpoints until available; Read: " +
                "DescribeVpcEndpoints, DescribePrefixLists (gateway); Update: ModifyVpcEndpoint; Delete: " +
                "DeleteVpcEndpoints",
        ),
        calls: [
            ...ec2Create(
                changes(
                    "ec2:CreateVpcEndpoint",
                    "create",
                    created(endpoint),
                    owned(vpc),
                    owned(subnet),
                    owned("ec2:security-group"),
                    owned(routeTable),
                ),
                endpoint,
            ),
            reads("ec2:DescribeVpcEndpoints", "create read update delete"),
            reads("ec2:DescribePrefixLists", "create read update"),
            changes("ec2:ModifyVpcEndpoint", "update", owned(endpoint), owned(subnet), owned("ec2:security-group")),
            ...ec2TagUpdates(endpoint),
            changes("ec2:DeleteVpcEndpoints", "delete", owned(endpoint)),
        ],
    },
    {
        type: "awsx:ec2:Vpc",
        source:
            "pulumi-awsx awsx/ec2/vpc.ts (v3.9): a component whose provider declares the VPC, subnets, route tables " +
            "and associations, routes, internet gateway, Elastic IPs, NAT gateways and VPC endpoints as plain aws " +
            "resources, and reads aws.getAvailabilityZones (getDefaultAzs) as numberOfAvailabilityZones is given " +
            "without availabilityZoneNames; it makes no API call itself. Its security group for interface endpoints " +
            "(createVpcEndpointSecurityGroupId) is not reached: the program gives it a gateway endpoint only",
        calls: [],
        children: [
            "aws:ec2/vpc:Vpc",
            "aws:ec2/subnet:Subnet",
            "aws:ec2/routeTable:RouteTable",
            "aws:ec2/routeTableAssociation:RouteTableAssociation",
            "aws:ec2/route:Route",
            "aws:ec2/internetGateway:InternetGateway",
            "aws:ec2/eip:Eip",
            "aws:ec2/natGateway:NatGateway",
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "aws:index/getAvailabilityZones:getAvailabilityZones",
        ],
    },
];
