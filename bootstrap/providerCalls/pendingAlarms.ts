// Rows for what engineer `safe` is adding (issue 13): deployment alarms, their notification topic, and the
// infrastructure role ECS's blue/green deployments need. They grant nothing until a plan declares the type.
import {
    type ProviderCalls,
    changes,
    created,
    owned,
    reads,
    requiring,
    tags,
    transparentTagging,
    withTags,
} from "./types";

const alarm = "cloudwatch:alarm";
const topic = "sns:topic";
const role = "iam:role";

const pending = "safe: rollback alarms and blue/green deployments (issue 13)";

export const pendingAlarmCalls: ProviderCalls[] = [
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        pending,
        source:
            "terraform-provider-aws internal/service/cloudwatch/metric_alarm.go (Create and Update: PutMetricAlarm " +
            "with tags; Read: DescribeAlarms; Delete: DeleteAlarms); tags: @Tags(arn), ListTagsForResource, " +
            "TagResource, UntagResource; tag-on-create needs cloudwatch:TagResource (CloudWatch API reference, " +
            "PutMetricAlarm)",
        calls: [
            withTags(changes("cloudwatch:PutMetricAlarm", "create", created(alarm))),
            tags("cloudwatch:TagResource", "create", created(alarm)),
            changes("cloudwatch:PutMetricAlarm", "update", owned(alarm)),
            reads("cloudwatch:DescribeAlarms", "create read update", owned(alarm)),
            ...transparentTagging(
                alarm,
                "cloudwatch:ListTagsForResource",
                "cloudwatch:TagResource",
                "cloudwatch:UntagResource",
            ),
            changes("cloudwatch:DeleteAlarms", "delete", owned(alarm)),
        ],
    },
    {
        type: "aws:sns/topic:Topic",
        pending,
        source:
            "terraform-provider-aws internal/service/sns/topic.go (Create: CreateTopic with tags and attributes; " +
            "Read: GetTopicAttributes, GetDataProtectionPolicy; Update: SetTopicAttributes; Delete: DeleteTopic); " +
            "tags: ListTagsForResource, TagResource, UntagResource",
        calls: [
            withTags(changes("sns:CreateTopic", "create", created(topic))),
            tags("sns:TagResource", "create", created(topic)),
            reads("sns:GetTopicAttributes", "create read update", owned(topic)),
            reads("sns:GetDataProtectionPolicy", "create read update", owned(topic)),
            changes("sns:SetTopicAttributes", "create update", owned(topic)),
            ...transparentTagging(topic, "sns:ListTagsForResource", "sns:TagResource", "sns:UntagResource"),
            changes("sns:DeleteTopic", "delete", owned(topic)),
        ],
    },
    {
        type: "aws:sns/topicSubscription:TopicSubscription",
        pending,
        source:
            "terraform-provider-aws internal/service/sns/topic_subscription.go (Create: Subscribe; Read: " +
            "GetSubscriptionAttributes; Update: SetSubscriptionAttributes; Delete: Unsubscribe)",
        calls: [
            changes("sns:Subscribe", "create", owned(topic)),
            reads("sns:GetSubscriptionAttributes", "create read update", owned(topic)),
            changes("sns:SetSubscriptionAttributes", "update", owned(topic)),
            changes("sns:Unsubscribe", "delete", owned(topic)),
        ],
    },
    {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        pending,
        source:
            "terraform-provider-aws internal/service/iam/role_policy_attachment.go (Create: AttachRolePolicy; Read: " +
            "ListAttachedRolePolicies; Delete: DetachRolePolicy): the AWS managed " +
            "AmazonECSInfrastructureRolePolicyForLoadBalancers on ECS's blue/green infrastructure role, which the " +
            "service then passes to ECS (iam:PassRole to ecs.amazonaws.com, ECS Developer Guide, 'Amazon ECS " +
            "infrastructure IAM role')",
        calls: [
            requiring(changes("iam:AttachRolePolicy", "create", owned(role)), {
                "iam:PermissionsBoundary": "$boundary",
                "iam:PolicyARN": "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers",
            }),
            reads("iam:ListAttachedRolePolicies", "create read", owned(role)),
            requiring(changes("iam:DetachRolePolicy", "delete", owned(role)), {
                "iam:PermissionsBoundary": "$boundary",
            }),
            requiring(changes("iam:PassRole", "create update", owned(role)), {
                "iam:PassedToService": "ecs.amazonaws.com",
            }),
        ],
    },
];
