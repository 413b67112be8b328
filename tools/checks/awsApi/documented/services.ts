// Rules of logs, autoscaling, the image tag and S3 names that only AWS's (and Docker's) documentation states.
import { resourceTypes as t } from "../../../resourceTypes";
import { DocumentedRule, inputRule } from "../documentedRule";
import { imageReference } from "../mappings/image";
import { lifecyclePolicyRules } from "./ecrLifecyclePolicy";
import { rolePolicyRule, trustPolicyRule } from "./iamPolicies";

const autoscalingApi = "https://docs.aws.amazon.com/autoscaling/application/APIReference";

/** The retention periods PutRetentionPolicy accepts (its API reference lists them; the model's Days is any integer). */
export const retentionDays = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const ecsResourceId = inputRule(
    "resourceId",
    "service/<cluster name>/<service name> for an ECS service",
    `${autoscalingApi}/API_RegisterScalableTarget.html`,
    (id, inputs) => inputs.serviceNamespace === "ecs" && !/^service\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/.test(String(id)),
);

/** Docker's tag grammar, stricter than ECR's ImageTag (1 to 300 characters), for every reference pushed or pulled. */
const imageTagRule: DocumentedRule = {
    rule: "a tag of up to 128 letters, digits, underscores, periods and hyphens, not starting with a period or hyphen",
    source: "https://docs.docker.com/reference/cli/docker/image/tag/",
    violations(inputs) {
        const references = [
            ...((inputs.tags as string[] | undefined) ?? []).map((ref, i) => [`tags[${i}]`, ref] as const),
            ...["cacheTo", "cacheFrom"].flatMap((input) =>
                ((inputs[input] as { registry?: { ref?: string } }[] | undefined) ?? []).flatMap((cache, i) =>
                    cache.registry?.ref === undefined
                        ? []
                        : [[`${input}[${i}].registry.ref`, cache.registry.ref] as const],
                ),
            ),
        ];
        return references
            .filter(([, ref]) => !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(imageReference(ref).imageTag))
            .map(([input, ref]) => ({ input, value: ref }));
    },
};

export const serviceRules: Readonly<Record<string, readonly DocumentedRule[]>> = {
    [t.logGroup]: [
        inputRule(
            "retentionInDays",
            `one of ${retentionDays.join(", ")}`,
            "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
            (days) => !retentionDays.includes(days as number),
        ),
    ],
    [t.lifecyclePolicy]: lifecyclePolicyRules,
    [t.role]: [trustPolicyRule],
    [t.rolePolicy]: [rolePolicyRule],
    "aws:iam/policy:Policy": [rolePolicyRule],
    [t.image]: [imageTagRule],
    [t.scalingTarget]: [
        ecsResourceId,
        inputRule(
            "maxCapacity",
            "minCapacity is at most maxCapacity",
            `${autoscalingApi}/API_RegisterScalableTarget.html`,
            (max, inputs) => typeof inputs.minCapacity === "number" && inputs.minCapacity > (max as number),
        ),
    ],
    [t.scalingPolicy]: [
        ecsResourceId,
        inputRule(
            "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel",
            "app/<load balancer name>/<id>/targetgroup/<target group name>/<id>, only for ALBRequestCountPerTarget",
            `${autoscalingApi}/API_PredefinedMetricSpecification.html`,
            (label, inputs) => {
                const spec = (
                    inputs.targetTrackingScalingPolicyConfiguration as {
                        predefinedMetricSpecification: { predefinedMetricType?: string };
                    }
                ).predefinedMetricSpecification;
                return (
                    spec.predefinedMetricType !== "ALBRequestCountPerTarget" ||
                    !/^app\/[A-Za-z0-9-]+\/[0-9a-f]+\/targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+$/.test(String(label))
                );
            },
        ),
    ],
    "aws:s3/bucket:Bucket": [
        inputRule(
            "bucket",
            "3 to 63 lowercase letters, digits, periods and hyphens, beginning and ending with a letter or digit",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html",
            (name) => !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(String(name)),
        ),
    ],
};
