// The resource types the estimate knows: those it prices, and those that bill nothing by themselves. A custom
// resource of any other type is listed as not priced, so a new kind of resource never drops out of the total silently.
// Types the program does not declare yet (other branches are adding them) are spelled here; a test checks each aws
// token against the installed @pulumi/aws. Once tools/resourceTypes.ts holds them they can be taken from there.
import { resourceTypes as t } from "../../resourceTypes";

export const pricedTypes = {
    /** pulumi-awsx's VPC component: its NAT gateways, their addresses and its endpoints are priced from its inputs. */
    awsxVpc: "awsx:ec2:Vpc",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    route53Record: "aws:route53/record:Record",
    route53Zone: "aws:route53/zone:Zone",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    certificate: "aws:acm/certificate:Certificate",
    ssmParameter: "aws:ssm/parameter:Parameter",
    secret: "aws:secretsmanager/secret:Secret",
    kmsKey: "aws:kms/key:Key",
} as const;

/** Types whose own charge is nil: configuration, permissions, wiring. What they lead to is priced elsewhere. */
export const freeTypes: ReadonlySet<string> = new Set([
    t.lifecyclePolicy,
    t.vpc,
    t.subnet,
    t.internetGateway,
    t.routeTable,
    t.routeTableAssociation,
    t.defaultSecurityGroup,
    t.securityGroup,
    t.ingressRule,
    t.egressRule,
    t.targetGroup,
    t.listener,
    t.role,
    t.rolePolicy,
    "aws:acm/certificateValidation:CertificateValidation",
    "aws:wafv2/webAclAssociation:WebAclAssociation",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:lb/listenerRule:ListenerRule",
    "aws:lb/listenerCertificate:ListenerCertificate",
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    // A topic and its subscriptions have no standing charge; a few alarm notifications a month are requests and
    // email deliveries far inside SNS's free monthly allowance.
    "aws:sns/topic:Topic",
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:kms/alias:Alias",
]);

/** Types priced as part of another resource: the line that prices them says so. */
export const pricedWith: Readonly<Record<string, string>> = {
    [t.image]: "the ECR repository's storage",
    [t.taskDefinition]: "the Fargate tasks of its service",
    [t.scalingTarget]: "the Fargate tasks of its service (the range)",
    [t.scalingPolicy]: "the CloudWatch alarms it creates",
    [t.cluster]: "Container Insights, when it is on",
    [t.eip]: "public IPv4 addresses",
};
