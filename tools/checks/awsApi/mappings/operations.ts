// Types the stack is about to declare for a web ACL, secrets, alarms and notifications, mapped ahead by type token so
// that each is checked from its first plan: wafv2 (2019-07-29), ssm (2014-11-06), cloudwatch (2010-08-01),
// sns (2010-03-31).
import { ApiMapping, tagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/";

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

export const operationsMappings: Readonly<Record<string, ApiMapping>> = {
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
