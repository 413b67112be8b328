// The provider's own call and the data sources the program reads: made by `pulumi preview` and `pulumi up` alike.
import { type ProviderCalls, owned, reads, shared } from "./types";

const tf = (file: string, calls: string) => `terraform-provider-aws ${file} (${calls})`;

export const dataSourceCalls: ProviderCalls[] = [
    {
        type: "pulumi:providers:aws",
        source: tf(
            "internal/conns/config.go",
            "ConfigureProvider: the account ID and partition from sts:GetCallerIdentity, as " +
                "skip_requesting_account_id is false by default",
        ),
        calls: [reads("sts:GetCallerIdentity", "invoke")],
    },
    {
        type: "aws:index/getCallerIdentity:getCallerIdentity",
        source: tf("internal/service/sts/caller_identity_data_source.go", "GetCallerIdentity"),
        calls: [reads("sts:GetCallerIdentity", "invoke")],
    },
    {
        type: "aws:index/getAvailabilityZones:getAvailabilityZones",
        source: tf("internal/service/ec2/ec2_availability_zones_data_source.go", "DescribeAvailabilityZones"),
        calls: [reads("ec2:DescribeAvailabilityZones", "invoke")],
    },
    {
        type: "aws:ec2/getVpcs:getVpcs",
        source: tf("internal/service/ec2/vpc_ids_data_source.go", "DescribeVpcs"),
        calls: [reads("ec2:DescribeVpcs", "invoke")],
    },
    {
        type: "aws:index/getRegion:getRegion",
        source: tf("internal/service/meta/region_data_source.go", "findRegionByName"),
        noApiCall: "the provider's region, looked up in the AWS SDK's endpoint metadata",
        calls: [],
    },
    {
        type: "aws:index/getPartition:getPartition",
        source: tf("internal/service/meta/partition_data_source.go", "dataSourcePartitionRead"),
        noApiCall: "the partition and DNS suffix the provider resolved when it was configured",
        calls: [],
    },
    {
        type: "aws:ec2/getSubnets:getSubnets",
        source: tf("internal/service/ec2/vpc_subnet_ids_data_source.go", "DescribeSubnets"),
        calls: [reads("ec2:DescribeSubnets", "invoke")],
    },
    {
        type: "aws:ecr/getAuthorizationToken:getAuthorizationToken",
        source: tf("internal/service/ecr/authorization_token_data_source.go", "GetAuthorizationToken"),
        calls: [reads("ecr:GetAuthorizationToken", "invoke")],
    },
    {
        type: "aws:ecr/getImage:getImage",
        reachedBy: "buildImage: false (a rollback deploys the image already pushed under imageTag)",
        source: tf("internal/service/ecr/image_data_source.go", "DescribeImages"),
        calls: [reads("ecr:DescribeImages", "invoke", owned("ecr:repository"))],
    },
    {
        type: "aws:route53/getZone:getZone",
        source: tf(
            "internal/service/route53/zone_data_source.go",
            "ListHostedZones to find the zone by name, GetHostedZone, ListTagsForResource",
        ),
        calls: [
            reads("route53:ListHostedZones", "invoke"),
            reads("route53:GetHostedZone", "invoke", shared("route53:hostedzone")),
            reads("route53:ListTagsForResource", "invoke", shared("route53:hostedzone")),
        ],
    },
];
