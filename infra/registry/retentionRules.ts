// The rules of the image repository's lifecycle policy, as data: the component sets them, and a test runs them
// through ECR's documented evaluation over sequences of pushes and deploys.
//
// ECR evaluates rules by rulePriority, lowest first; "an image that matches the tagging requirements of a rule
// cannot be expired by a rule with a lower priority" (Amazon ECR User Guide, "Lifecycle policy evaluation rules",
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lifecycle_policy_evaluation).
// So a first rule that selects exactly the running image's tag, and keeps one image, shields that image from the
// count rule however many images are pushed after it and however old it is (a rollback).

/** One rule of an ECR lifecycle policy, in the policy's JSON shape. */
export interface LifecycleRule {
    rulePriority: number;
    description: string;
    selection: {
        tagStatus: "tagged" | "untagged" | "any";
        tagPatternList?: string[];
        tagPrefixList?: string[];
        countType: "imageCountMoreThan" | "sinceImagePushed";
        countUnit?: "days";
        countNumber: number;
    };
    action: { type: "expire" };
}

/**
 * Keep the image the service runs (tagged `runningImageTag`: tags are immutable, so the tag is the image), expire
 * untagged images (interrupted pushes) after a day, and keep the `keepTaggedImages` newest tagged images: the
 * rollback window, which counts the running image when it is among the newest.
 */
export function retentionRules(runningImageTag: string, keepTaggedImages: number): LifecycleRule[] {
    return [
        {
            rulePriority: 1,
            description: `Keep the image the service runs: ${runningImageTag}`,
            // A pattern without a wildcard matches that one tag. No image carries it twice, so nothing expires.
            selection: {
                tagStatus: "tagged",
                tagPatternList: [runningImageTag],
                countType: "imageCountMoreThan",
                countNumber: 1,
            },
            action: { type: "expire" },
        },
        {
            rulePriority: 2,
            description: "Expire untagged images after one day",
            selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
            action: { type: "expire" },
        },
        {
            rulePriority: 3,
            description: `Keep the last ${keepTaggedImages} tagged images`,
            selection: {
                tagStatus: "tagged",
                tagPatternList: ["*"],
                countType: "imageCountMoreThan",
                countNumber: keepTaggedImages,
            },
            action: { type: "expire" },
        },
    ];
}
