// The deployment alarms (infra/service/deploymentAlarms.ts) and their notification topic, encrypted with a key of the
// stack's own, and its optional email subscription (infra/service/alarmTopic.ts).
import { type ProviderCalls, changes, created, owned, reads, tags, transparentTagging, withTags } from "./types";

const alarm = "cloudwatch:alarm";
const topic = "sns:topic";
const key = "kms:key";
const alias = "kms:alias";

const tf = (file: string, calls: string) => `terraform-provider-aws internal/service/${file} (${calls})`;

export const alarmCalls: ProviderCalls[] = [
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
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
        source: tf(
            "sns/topic.go",
            "Create: CreateTopic with tags and attributes (the KMS key among them); Read: GetTopicAttributes, " +
                "GetDataProtectionPolicy; Update: SetTopicAttributes; Delete: DeleteTopic; tags: " +
                "ListTagsForResource, TagResource, UntagResource",
        ),
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
        reachedBy: "alarmEmail: an address to mail the alarms' state changes to (the reviewed plans set none)",
        source: tf(
            "sns/topic_subscription.go",
            "Create: Subscribe; Read: GetSubscriptionAttributes; Update: SetSubscriptionAttributes; Delete: " +
                "Unsubscribe",
        ),
        calls: [
            changes("sns:Subscribe", "create", owned(topic)),
            reads("sns:GetSubscriptionAttributes", "create read update", owned(topic)),
            changes("sns:SetSubscriptionAttributes", "update", owned(topic)),
            changes("sns:Unsubscribe", "delete", owned(topic)),
        ],
    },
    {
        type: "aws:kms/key:Key",
        source: tf(
            "kms/key.go",
            "Create: CreateKey with the policy and tags (tags need kms:TagResource too: KMS API reference, " +
                "CreateKey), EnableKeyRotation when enable_key_rotation; Read (findKey): DescribeKey, GetKeyPolicy, " +
                "GetKeyRotationStatus, ListResourceTags; Update: EnableKeyRotation/DisableKeyRotation, " +
                "UpdateKeyDescription, PutKeyPolicy, TagResource/UntagResource; EnableKey/DisableKey only for " +
                "is_enabled, which the program leaves on; Delete: ScheduleKeyDeletion, then DescribeKey until " +
                "PendingDeletion",
        ),
        calls: [
            withTags(changes("kms:CreateKey", "create")),
            tags("kms:TagResource", "create", created(key)),
            changes("kms:EnableKeyRotation", "create update", owned(key)),
            changes("kms:DisableKeyRotation", "update", owned(key)),
            reads("kms:DescribeKey", "create read update delete", owned(key)),
            reads("kms:GetKeyPolicy", "create read update", owned(key)),
            reads("kms:GetKeyRotationStatus", "create read update", owned(key)),
            reads("kms:ListResourceTags", "create read update", owned(key)),
            changes("kms:UpdateKeyDescription", "update", owned(key)),
            changes("kms:PutKeyPolicy", "update", owned(key)),
            tags("kms:TagResource", "update", owned(key)),
            tags("kms:UntagResource", "update", owned(key)),
            changes("kms:ScheduleKeyDeletion", "delete", owned(key)),
        ],
    },
    {
        type: "aws:kms/alias:Alias",
        source: tf(
            "kms/alias.go",
            "Create: CreateAlias, which KMS authorizes on the alias and on its key (KMS Developer Guide, " +
                "'Controlling access to aliases'); Read: ListAliases (findAliasByName); Update: UpdateAlias on the " +
                "alias, the old and the new key; Delete: DeleteAlias on the alias and its key; aliases carry no tags",
        ),
        calls: [
            changes("kms:CreateAlias", "create", owned(alias), owned(key)),
            reads("kms:ListAliases", "create read update"),
            changes("kms:UpdateAlias", "update", owned(alias), owned(key)),
            changes("kms:DeleteAlias", "delete", owned(alias), owned(key)),
        ],
    },
];
