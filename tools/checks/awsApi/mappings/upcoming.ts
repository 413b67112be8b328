// Types the stack is about to declare (a domain, HTTPS, access logs, a web ACL, secrets, alarms, notifications):
// mapped ahead by type token so that each is checked from its first plan. acm (2015-12-08), route53 (2013-04-01),
// s3 (2006-03-01), wafv2 (2019-07-29), ssm (2014-11-06), cloudwatch (2010-08-01), sns (2010-03-31).
import { ApiMapping, tagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/";

/** A member of the one record set that ChangeResourceRecordSets upserts (expandResourceRecordSet). */
const recordSet = (member: string) => `ChangeBatch.Changes[].ResourceRecordSet.${member}`;

/** CloudWatch's dimensions: Pulumi's map as the API's list of {Name, Value}. */
function dimensions(value: unknown): unknown {
    return Object.entries(value as Record<string, string>).map(([Name, Value]) => ({ Name, Value }));
}

/** expandMetricAlarmMetrics: a metric query's `metric` block becomes MetricStat {Metric, Period, Stat, Unit}. */
function metricQueries(value: unknown): unknown {
    return (value as Record<string, unknown>[]).map(({ metric, ...query }) => {
        if (metric === undefined) {
            return query;
        }
        const { period, stat, unit, dimensions: metricDimensions, ...named } = metric as Record<string, unknown>;
        const Metric = {
            ...named,
            ...(metricDimensions === undefined ? {} : { Dimensions: dimensions(metricDimensions) }),
        };
        return { ...query, MetricStat: { Metric, Period: period, Stat: stat, Unit: unit } };
    });
}

/** An SNS attribute: the API takes every attribute as a string in one map. */
const snsAttribute = (operation: string, name: string) => ({
    operation,
    member: "Attributes",
    toApi: (value: unknown) => ({ [name]: typeof value === "string" ? value : JSON.stringify(value) }),
});

export const upcomingMappings: Readonly<Record<string, ApiMapping>> = {
    "aws:acm/certificate:Certificate": {
        service: "acm",
        source: `${source}acm/certificate.go: resourceCertificateCreate (RequestCertificate)`,
        inputs: {
            domainName: { operation: "RequestCertificate", member: "DomainName" },
            subjectAlternativeNames: { operation: "RequestCertificate", member: "SubjectAlternativeNames" },
            validationMethod: { operation: "RequestCertificate", member: "ValidationMethod" },
            keyAlgorithm: { operation: "RequestCertificate", member: "KeyAlgorithm" },
            certificateAuthorityArn: { operation: "RequestCertificate", member: "CertificateAuthorityArn" },
            options: { operation: "RequestCertificate", member: "Options" },
            tags: { operation: "RequestCertificate", member: "Tags", toApi: tagList },
        },
    },
    "aws:acm/certificateValidation:CertificateValidation": {
        service: "acm",
        source: `${source}acm/certificate_validation.go: waits on DescribeCertificate until the certificate is issued`,
        inputs: {
            certificateArn: { operation: "DescribeCertificate", member: "CertificateArn" },
            validationRecordFqdns: { notSent: "compared by the provider with the certificate's validation records" },
        },
    },
    "aws:route53/record:Record": {
        service: "route53",
        source: `${source}route53/record.go: resourceRecordCreate (ChangeResourceRecordSets UPSERT), expandResourceRecordSet`,
        inputs: {
            zoneId: { operation: "ChangeResourceRecordSets", member: "HostedZoneId" },
            name: { operation: "ChangeResourceRecordSets", member: recordSet("Name") },
            type: { operation: "ChangeResourceRecordSets", member: recordSet("Type") },
            ttl: { operation: "ChangeResourceRecordSets", member: recordSet("TTL") },
            records: {
                operation: "ChangeResourceRecordSets",
                member: recordSet("ResourceRecords"),
                toApi: (records) => (records as string[]).map((Value) => ({ Value })),
            },
            aliases: {
                operation: "ChangeResourceRecordSets",
                member: recordSet("AliasTarget"),
                toApi: (aliases) => {
                    const [alias] = aliases as { name: string; zoneId: string; evaluateTargetHealth: boolean }[];
                    return {
                        DNSName: alias.name,
                        HostedZoneId: alias.zoneId,
                        EvaluateTargetHealth: alias.evaluateTargetHealth,
                    };
                },
            },
            setIdentifier: { operation: "ChangeResourceRecordSets", member: recordSet("SetIdentifier") },
            healthCheckId: { operation: "ChangeResourceRecordSets", member: recordSet("HealthCheckId") },
            allowOverwrite: { notSent: "decides CREATE or UPSERT; both are the same call" },
        },
    },
    "aws:s3/bucket:Bucket": {
        service: "s3",
        source: `${source}s3/bucket.go: resourceBucketCreate (CreateBucket, PutBucketTagging)`,
        autoNamed: "bucket",
        inputs: {
            bucket: { operation: "CreateBucket", member: "Bucket" },
            objectLockEnabled: { operation: "CreateBucket", member: "ObjectLockEnabledForBucket" },
            forceDestroy: { notSent: "makes the provider empty the bucket before DeleteBucket" },
            tags: { operation: "PutBucketTagging", member: "Tagging.TagSet", toApi: tagList },
        },
    },
    "aws:s3/bucketPolicy:BucketPolicy": {
        service: "s3",
        source: `${source}s3/bucket_policy.go: resourceBucketPolicyPut (PutBucketPolicy)`,
        inputs: {
            bucket: { operation: "PutBucketPolicy", member: "Bucket" },
            policy: { operation: "PutBucketPolicy", member: "Policy" },
        },
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        service: "s3",
        source: `${source}s3/bucket_public_access_block.go: create (PutPublicAccessBlock)`,
        inputs: {
            bucket: { operation: "PutPublicAccessBlock", member: "Bucket" },
            blockPublicAcls: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.BlockPublicAcls",
            },
            blockPublicPolicy: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.BlockPublicPolicy",
            },
            ignorePublicAcls: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.IgnorePublicAcls",
            },
            restrictPublicBuckets: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.RestrictPublicBuckets",
            },
        },
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        service: "s3",
        source: `${source}s3/bucket_server_side_encryption_configuration.go: create (PutBucketEncryption)`,
        renames: {
            applyServerSideEncryptionByDefault: "ApplyServerSideEncryptionByDefault",
            kmsMasterKeyId: "KMSMasterKeyID",
        },
        inputs: {
            bucket: { operation: "PutBucketEncryption", member: "Bucket" },
            rules: { operation: "PutBucketEncryption", member: "ServerSideEncryptionConfiguration.Rules" },
        },
    },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        service: "s3",
        source: `${source}s3/bucket_lifecycle_configuration.go: create (PutBucketLifecycleConfiguration)`,
        inputs: {
            bucket: { operation: "PutBucketLifecycleConfiguration", member: "Bucket" },
            rules: { operation: "PutBucketLifecycleConfiguration", member: "LifecycleConfiguration.Rules" },
        },
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        service: "s3",
        source: `${source}s3/bucket_ownership_controls.go: create (PutBucketOwnershipControls)`,
        inputs: {
            bucket: { operation: "PutBucketOwnershipControls", member: "Bucket" },
            rule: {
                operation: "PutBucketOwnershipControls",
                member: "OwnershipControls.Rules",
                toApi: (rule) => [rule],
            },
        },
    },
    "aws:wafv2/webAcl:WebAcl": {
        service: "wafv2",
        source: `${source}wafv2/web_acl.go: resourceWebACLCreate (CreateWebACL), expandWebACLRules`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateWebACL", member: "Name" },
            scope: { operation: "CreateWebACL", member: "Scope" },
            description: { operation: "CreateWebACL", member: "Description" },
            defaultAction: { operation: "CreateWebACL", member: "DefaultAction" },
            rules: { operation: "CreateWebACL", member: "Rules" },
            visibilityConfig: { operation: "CreateWebACL", member: "VisibilityConfig" },
            tokenDomains: { operation: "CreateWebACL", member: "TokenDomains" },
            tags: { operation: "CreateWebACL", member: "Tags", toApi: tagList },
        },
    },
    "aws:wafv2/webAclAssociation:WebAclAssociation": {
        service: "wafv2",
        source: `${source}wafv2/web_acl_association.go: create (AssociateWebACL)`,
        inputs: {
            resourceArn: { operation: "AssociateWebACL", member: "ResourceArn" },
            webAclArn: { operation: "AssociateWebACL", member: "WebACLArn" },
        },
    },
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": {
        service: "wafv2",
        source: `${source}wafv2/web_acl_logging_configuration.go: create (PutLoggingConfiguration)`,
        inputs: {
            resourceArn: { operation: "PutLoggingConfiguration", member: "LoggingConfiguration.ResourceArn" },
            logDestinationConfigs: {
                operation: "PutLoggingConfiguration",
                member: "LoggingConfiguration.LogDestinationConfigs",
            },
            redactedFields: { operation: "PutLoggingConfiguration", member: "LoggingConfiguration.RedactedFields" },
            loggingFilter: { operation: "PutLoggingConfiguration", member: "LoggingConfiguration.LoggingFilter" },
        },
    },
    "aws:ssm/parameter:Parameter": {
        service: "ssm",
        source: `${source}ssm/parameter.go: resourceParameterCreate (PutParameter)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "PutParameter", member: "Name" },
            type: { operation: "PutParameter", member: "Type" },
            value: { operation: "PutParameter", member: "Value" },
            insecureValue: { operation: "PutParameter", member: "Value" },
            description: { operation: "PutParameter", member: "Description" },
            tier: { operation: "PutParameter", member: "Tier" },
            keyId: { operation: "PutParameter", member: "KeyId" },
            dataType: { operation: "PutParameter", member: "DataType" },
            allowedPattern: { operation: "PutParameter", member: "AllowedPattern" },
            overwrite: { operation: "PutParameter", member: "Overwrite" },
            tags: { operation: "PutParameter", member: "Tags", toApi: tagList },
        },
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        service: "cloudwatch",
        source: `${source}cloudwatch/metric_alarm.go: resourceMetricAlarmCreate (PutMetricAlarm), expandMetricAlarmMetrics`,
        autoNamed: "name",
        inputs: {
            name: { operation: "PutMetricAlarm", member: "AlarmName" },
            alarmDescription: { operation: "PutMetricAlarm", member: "AlarmDescription" },
            comparisonOperator: { operation: "PutMetricAlarm", member: "ComparisonOperator" },
            evaluationPeriods: { operation: "PutMetricAlarm", member: "EvaluationPeriods" },
            datapointsToAlarm: { operation: "PutMetricAlarm", member: "DatapointsToAlarm" },
            metricName: { operation: "PutMetricAlarm", member: "MetricName" },
            namespace: { operation: "PutMetricAlarm", member: "Namespace" },
            period: { operation: "PutMetricAlarm", member: "Period" },
            statistic: { operation: "PutMetricAlarm", member: "Statistic" },
            extendedStatistic: { operation: "PutMetricAlarm", member: "ExtendedStatistic" },
            threshold: { operation: "PutMetricAlarm", member: "Threshold" },
            thresholdMetricId: { operation: "PutMetricAlarm", member: "ThresholdMetricId" },
            treatMissingData: { operation: "PutMetricAlarm", member: "TreatMissingData" },
            evaluateLowSampleCountPercentiles: {
                operation: "PutMetricAlarm",
                member: "EvaluateLowSampleCountPercentile",
            },
            unit: { operation: "PutMetricAlarm", member: "Unit" },
            dimensions: { operation: "PutMetricAlarm", member: "Dimensions", toApi: dimensions },
            metricQueries: { operation: "PutMetricAlarm", member: "Metrics", toApi: metricQueries },
            actionsEnabled: { operation: "PutMetricAlarm", member: "ActionsEnabled" },
            alarmActions: { operation: "PutMetricAlarm", member: "AlarmActions" },
            okActions: { operation: "PutMetricAlarm", member: "OKActions" },
            insufficientDataActions: { operation: "PutMetricAlarm", member: "InsufficientDataActions" },
            tags: { operation: "PutMetricAlarm", member: "Tags", toApi: tagList },
        },
    },
    "aws:sns/topic:Topic": {
        service: "sns",
        source: `${source}sns/topic.go: resourceTopicCreate (CreateTopic with its attributes)`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateTopic", member: "Name" },
            displayName: snsAttribute("CreateTopic", "DisplayName"),
            kmsMasterKeyId: snsAttribute("CreateTopic", "KmsMasterKeyId"),
            policy: snsAttribute("CreateTopic", "Policy"),
            fifoTopic: snsAttribute("CreateTopic", "FifoTopic"),
            tags: { operation: "CreateTopic", member: "Tags", toApi: tagList },
        },
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        service: "sns",
        source: `${source}sns/topic_subscription.go: resourceTopicSubscriptionCreate (Subscribe)`,
        inputs: {
            topic: { operation: "Subscribe", member: "TopicArn" },
            protocol: { operation: "Subscribe", member: "Protocol" },
            endpoint: { operation: "Subscribe", member: "Endpoint" },
            rawMessageDelivery: snsAttribute("Subscribe", "RawMessageDelivery"),
            filterPolicy: snsAttribute("Subscribe", "FilterPolicy"),
            endpointAutoConfirms: { notSent: "tells the provider whether to wait for a confirmation" },
            confirmationTimeoutInMinutes: { notSent: "how long the provider waits for the confirmation" },
        },
    },
};
