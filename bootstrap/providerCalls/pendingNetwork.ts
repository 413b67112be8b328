// Rows for what engineer `net` is adding (issue 12): the routes and VPC endpoints of awsx's Vpc, and the component
// itself. They grant nothing until a plan declares the type.
import { ec2Create, ec2TagUpdates } from "./ec2Tags";
import { type ProviderCalls, changes, created, owned, reads } from "./types";

const vpc = "ec2:vpc";
const subnet = "ec2:subnet";
const routeTable = "ec2:route-table";
const endpoint = "ec2:vpc-endpoint";

const source = (file: string, calls: string) => `terraform-provider-aws internal/service/ec2/${file} (${calls})`;

export const pendingNetworkCalls: ProviderCalls[] = [
    {
        type: "aws:ec2/route:Route",
        pending: "net: the routes of awsx's Vpc (issue 12)",
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
        pending: "net: the S3 gateway and ECR/Logs interface endpoints of awsx's Vpc (issue 12)",
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
        pending: "net: the dedicated VPC on @pulumi/awsx (issue 12)",
        source:
            "pulumi-awsx awsx/ec2/vpc.ts: a component whose provider declares the VPC, subnets, route tables and " +
            "associations, routes, internet gateway, Elastic IPs, NAT gateways and VPC endpoints as plain " +
            "aws resources; it makes no API call itself",
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
        ],
    },
];
