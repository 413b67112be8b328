// ECR's lifecycle policy evaluation as the Amazon ECR User Guide documents it, to run a policy over a repository's
// images offline. Sources:
// - "Lifecycle policy evaluation rules" in "Automate the cleanup of images by using lifecycle policies"
//   (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html): rules apply in rulePriority
//   order, lowest first; an image is expired by one rule or none; "an image that matches the tagging requirements
//   of a rule cannot be expired by a rule with a lower priority"; "rules can never mark images that are marked by
//   higher priority rules, but can still identify them as if they haven't been expired"; expiration is ordered by
//   push time, older images first.
// - "Lifecycle policy properties" (lifecycle_policy_parameters.html): tagPrefixList/tagPatternList select images
//   that have every listed prefix/pattern among their tags; `*` is the only wildcard; imageCountMoreThan keeps the
//   newest countNumber images a rule identifies, sinceImagePushed expires those pushed more than countNumber days ago.
// - "Examples of lifecycle policies" (lifecycle_policy_examples.html): the worked examples that the tests replay.
import { LifecycleRule } from "../../../infra/registry/retentionRules";

export interface RepositoryImage {
    /** A name for the test's messages (ECR knows the image by digest). */
    name: string;
    tags: string[];
    /** Days since the image was pushed; a smaller number is a newer image. */
    pushedDaysAgo: number;
}

/** The names of the images `rules` expire, in the order of `images`. */
export function expiredImages(rules: readonly LifecycleRule[], images: readonly RepositoryImage[]): string[] {
    const identifiedEarlier = new Set<RepositoryImage>();
    const expired = new Set<RepositoryImage>();
    for (const rule of [...rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
        const identified = images.filter((image) => selects(rule, image));
        for (const image of marks(rule, identified)) {
            // Marked by this rule, but identified by a higher-priority one: that rule's choice stands.
            if (!identifiedEarlier.has(image)) {
                expired.add(image);
            }
        }
        identified.forEach((image) => identifiedEarlier.add(image));
    }
    return images.filter((image) => expired.has(image)).map((image) => image.name);
}

function selects(rule: LifecycleRule, image: RepositoryImage): boolean {
    const { tagStatus, tagPatternList, tagPrefixList } = rule.selection;
    if (tagStatus === "untagged") {
        return image.tags.length === 0;
    }
    if (tagStatus === "any") {
        return true;
    }
    const patterns = tagPatternList?.map(wildcard) ?? [];
    return (
        image.tags.length > 0 &&
        patterns.every((pattern) => image.tags.some((tag) => pattern.test(tag))) &&
        (tagPrefixList ?? []).every((prefix) => image.tags.some((tag) => tag.startsWith(prefix)))
    );
}

/** The images among `identified` that the rule's count or age marks for expiry, oldest first. */
function marks(rule: LifecycleRule, identified: RepositoryImage[]): RepositoryImage[] {
    const oldestFirst = [...identified].sort((a, b) => b.pushedDaysAgo - a.pushedDaysAgo);
    const { countType, countNumber } = rule.selection;
    return countType === "imageCountMoreThan"
        ? oldestFirst.slice(0, Math.max(0, oldestFirst.length - countNumber))
        : oldestFirst.filter((image) => image.pushedDaysAgo > countNumber);
}

function wildcard(pattern: string): RegExp {
    return new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`);
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
