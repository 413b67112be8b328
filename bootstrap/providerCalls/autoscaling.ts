// Target-tracking autoscaling of the ECS service: the scalable target and its policies.
import {
    type ProviderCalls,
    changes,
    created,
    owned,
    reads,
    requiring,
    shared,
    tags,
    transparentTagging,
    withTags,
} from "./types";

const target = "application-autoscaling:ScalableTarget";

/** Application Auto Scaling checks that the caller may itself change the scaled resource and the alarms it
 * creates before it acts ("Permissions validation for API calls on target resources",
 * https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_permission_validation.html; for ECS:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/auto-scaling-IAM.html). */
const validatesTheService = (during: string) => [
    reads("ecs:DescribeServices", during, owned("ecs:service")),
    changes("ecs:UpdateService", during, owned("ecs:service")),
];

/** Target tracking names its alarms TargetTracking-service/<cluster>/<service>-Alarm...: they carry no tags. */
const targetTrackingAlarms = shared("cloudwatch:alarm/TargetTracking");

export const autoscalingCalls: ProviderCalls[] = [
    {
        type: "aws:appautoscaling/target:Target",
        source:
            "terraform-provider-aws internal/service/appautoscaling/target.go (Create: RegisterScalableTarget with " +
            'tags; Read: DescribeScalableTargets, and, as @Tags(identifierAttribute="arn") and the read sets no ' +
            "tags, ListTagsForResource right after the register (issue 11, finding 1); Update: " +
            "RegisterScalableTarget without tags; Delete: DeregisterScalableTarget, DescribeScalableTargets until " +
            "gone). The first registration creates the ECS scaling service-linked role",
        calls: [
            withTags(changes("application-autoscaling:RegisterScalableTarget", "create", created(target))),
            tags("application-autoscaling:TagResource", "create", created(target)),
            changes("application-autoscaling:RegisterScalableTarget", "update", owned(target)),
            ...validatesTheService("create update"),
            requiring(changes("iam:CreateServiceLinkedRole", "create", shared("iam:role/aws-service-role")), {
                "iam:AWSServiceName": "ecs.application-autoscaling.amazonaws.com",
            }),
            reads("application-autoscaling:DescribeScalableTargets", "create read update delete"),
            ...transparentTagging(
                target,
                "application-autoscaling:ListTagsForResource",
                "application-autoscaling:TagResource",
                "application-autoscaling:UntagResource",
            ),
            changes("application-autoscaling:DeregisterScalableTarget", "delete", owned(target)),
        ],
    },
    {
        type: "aws:appautoscaling/policy:Policy",
        source:
            "terraform-provider-aws internal/service/appautoscaling/policy.go (Create and Update: PutScalingPolicy; " +
            "Read: DescribeScalingPolicies; Delete: DeleteScalingPolicy). A target-tracking policy makes Application " +
            "Auto Scaling create and delete its CloudWatch alarms after checking the caller's cloudwatch permissions",
        calls: [
            changes("application-autoscaling:PutScalingPolicy", "create update", owned(target)),
            reads("application-autoscaling:DescribeScalingPolicies", "create read update delete"),
            changes("cloudwatch:PutMetricAlarm", "create update", targetTrackingAlarms),
            reads("cloudwatch:DescribeAlarms", "create update delete", targetTrackingAlarms),
            changes("cloudwatch:DeleteAlarms", "update delete", targetTrackingAlarms),
            changes("application-autoscaling:DeleteScalingPolicy", "delete", owned(target)),
        ],
    },
];
