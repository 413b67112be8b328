// The dedicated VPC and its parts, as plain resources today and as the children of awsx's Vpc (pendingNetwork.ts).
import { ec2Create, ec2TagUpdates } from "./ec2Tags";
import { type ProviderCalls, changes, created, owned, reads } from "./types";

const vpc = "ec2:vpc";
const subnet = "ec2:subnet";
const gateway = "ec2:internet-gateway";
const address = "ec2:elastic-ip";
const nat = "ec2:natgateway";
const routeTable = "ec2:route-table";

const source = (file: string, calls: string) => `terraform-provider-aws internal/service/ec2/${file} (${calls})`;

export const networkCalls: ProviderCalls[] = [
    {
        type: "aws:ec2/vpc:Vpc",
        source: source(
            "vpc_.go",
            "Create: CreateVpc with TagSpecifications, ModifyVpcAttribute for DNS support and hostnames; Read: " +
                "DescribeVpcs, DescribeVpcAttribute per attribute, DescribeRouteTables, DescribeNetworkAcls and " +
                "DescribeSecurityGroups for the main route table, default ACL and default group; Delete: DeleteVpc",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateVpc", "create", created(vpc)), vpc),
            changes("ec2:ModifyVpcAttribute", "create update", owned(vpc)),
            reads("ec2:DescribeVpcs", "create read update delete"),
            reads("ec2:DescribeVpcAttribute", "create read update", owned(vpc)),
            reads("ec2:DescribeRouteTables", "create read"),
            reads("ec2:DescribeNetworkAcls", "create read"),
            reads("ec2:DescribeSecurityGroups", "create read"),
            ...ec2TagUpdates(vpc),
            changes("ec2:DeleteVpc", "delete", owned(vpc)),
        ],
    },
    {
        type: "aws:ec2/subnet:Subnet",
        source: source(
            "vpc_subnet.go",
            "Create: CreateSubnet with TagSpecifications in the VPC, ModifySubnetAttribute (public IPs on launch, " +
                "DNS hostname type); Read: DescribeSubnets; Delete: DescribeNetworkInterfaces for lingering Lambda " +
                "ENIs (none in this stack), DeleteSubnet",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateSubnet", "create", created(subnet), owned(vpc)), subnet),
            changes("ec2:ModifySubnetAttribute", "create update", owned(subnet)),
            reads("ec2:DescribeSubnets", "create read update delete"),
            reads("ec2:DescribeNetworkInterfaces", "delete"),
            ...ec2TagUpdates(subnet),
            changes("ec2:DeleteSubnet", "delete", owned(subnet)),
        ],
    },
    {
        type: "aws:ec2/internetGateway:InternetGateway",
        source: source(
            "vpc_internet_gateway.go",
            "Create: CreateInternetGateway with TagSpecifications, AttachInternetGateway; Read: " +
                "DescribeInternetGateways; Delete: DetachInternetGateway, DeleteInternetGateway",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateInternetGateway", "create", created(gateway)), gateway),
            changes("ec2:AttachInternetGateway", "create update", owned(gateway), owned(vpc)),
            reads("ec2:DescribeInternetGateways", "create read update delete"),
            ...ec2TagUpdates(gateway),
            changes("ec2:DetachInternetGateway", "update delete", owned(gateway), owned(vpc)),
            changes("ec2:DeleteInternetGateway", "delete", owned(gateway)),
        ],
    },
    {
        type: "aws:ec2/eip:Eip",
        source: source(
            "ec2_eip.go",
            "Create: AllocateAddress with TagSpecifications; Read: DescribeAddresses, DescribeAddressesAttribute " +
                "(PTR record); Delete: DisassociateAddress when associated, ReleaseAddress",
        ),
        calls: [
            ...ec2Create(changes("ec2:AllocateAddress", "create", created(address)), address),
            reads("ec2:DescribeAddresses", "create read update delete"),
            reads("ec2:DescribeAddressesAttribute", "create read update"),
            ...ec2TagUpdates(address),
            changes("ec2:DisassociateAddress", "delete", owned(address)),
            changes("ec2:ReleaseAddress", "delete", owned(address)),
        ],
    },
    {
        type: "aws:ec2/natGateway:NatGateway",
        source: source(
            "vpc_nat_gateway.go",
            "Create: CreateNatGateway with TagSpecifications in a subnet with an Elastic IP, DescribeNatGateways " +
                "until available; Delete: DeleteNatGateway, DescribeNatGateways until deleted",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateNatGateway", "create", created(nat), owned(subnet), owned(address)), nat),
            reads("ec2:DescribeNatGateways", "create read update delete"),
            ...ec2TagUpdates(nat),
            changes("ec2:DeleteNatGateway", "delete", owned(nat)),
        ],
    },
    {
        type: "aws:ec2/routeTable:RouteTable",
        source: source(
            "vpc_route_table.go",
            "Create: CreateRouteTable with TagSpecifications in the VPC, CreateRoute per inline route; Read: " +
                "DescribeRouteTables; Update: CreateRoute, ReplaceRoute, DeleteRoute; Delete: DeleteRouteTable",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateRouteTable", "create", created(routeTable), owned(vpc)), routeTable),
            changes("ec2:CreateRoute", "create update", owned(routeTable)),
            changes("ec2:ReplaceRoute", "update", owned(routeTable)),
            changes("ec2:DeleteRoute", "update", owned(routeTable)),
            reads("ec2:DescribeRouteTables", "create read update delete"),
            ...ec2TagUpdates(routeTable),
            changes("ec2:DeleteRouteTable", "delete", owned(routeTable)),
        ],
    },
    {
        type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
        source: source(
            "vpc_route_table_association.go",
            "Create: AssociateRouteTable; Read: DescribeRouteTables; Update: ReplaceRouteTableAssociation; " +
                "Delete: DisassociateRouteTable",
        ),
        calls: [
            changes("ec2:AssociateRouteTable", "create", owned(routeTable), owned(subnet)),
            reads("ec2:DescribeRouteTables", "create read update"),
            changes("ec2:ReplaceRouteTableAssociation", "update", owned(routeTable), owned(subnet)),
            changes("ec2:DisassociateRouteTable", "delete", owned(routeTable), owned(subnet)),
        ],
    },
];
