// The type token of every resource the program declares: the one table that the mock engine (a model per type), the
// plan (what it reads of each type) and the tests import. A test keeps it complete.
export const resourceTypes = {
    repository: "aws:ecr/repository:Repository",
    lifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    image: "docker-build:index:Image",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    natGateway: "aws:ec2/natGateway:NatGateway",
    eip: "aws:ec2/eip:Eip",
    routeTable: "aws:ec2/routeTable:RouteTable",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    cluster: "aws:ecs/cluster:Cluster",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    scalingTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    route: "aws:ec2/route:Route",
    certificate: "aws:acm/certificate:Certificate",
    certificateValidation: "aws:acm/certificateValidation:CertificateValidation",
    dnsRecord: "aws:route53/record:Record",
    bucket: "aws:s3/bucket:Bucket",
    bucketOwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    bucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketEncryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    bucketLifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    webAcl: "aws:wafv2/webAcl:WebAcl",
    webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    ssmParameter: "aws:ssm/parameter:Parameter",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    metricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    snsTopic: "aws:sns/topic:Topic",
    snsSubscription: "aws:sns/topicSubscription:TopicSubscription",
    kmsKey: "aws:kms/key:Key",
    kmsAlias: "aws:kms/alias:Alias",
} as const;

/**
 * Multi-language components the program declares: each registers as one opaque resource whose children run in its
 * provider, so the mock engine models it as a whole (its outputs) and the plan shows its arguments.
 */
export const componentTypes = {
    awsxVpc: "awsx:ec2:Vpc",
} as const;

/** "aws:ecs/service:Service" → "Service", for compact labels. */
export function shortType(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}
