// The grammar of an ECR lifecycle policy: the model only bounds its length (LifecyclePolicyText, 100 to 30720
// characters); what its JSON may say is in the ECR user guide.
import { DocumentedRule, RuleViolation } from "../documentedRule";

const parametersPage = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html";
const evaluationPage =
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lp_evaluation_rules";

interface LifecycleRule {
    rulePriority?: unknown;
    description?: unknown;
    selection?: {
        tagStatus?: unknown;
        tagPatternList?: unknown;
        tagPrefixList?: unknown;
        countType?: unknown;
        countUnit?: unknown;
        countNumber?: unknown;
    };
    action?: { type?: unknown };
}

const countTypes = ["imageCountMoreThan", "sinceImagePushed", "sinceImagePulled", "sinceImageTransitioned"];

/** What is wrong with one rule of the policy, each problem as a sentence. */
function ruleProblems(rule: LifecycleRule): string[] {
    const selection = rule.selection ?? {};
    const problems: string[] = [];
    const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0;
    if (!positiveInteger(rule.rulePriority)) problems.push("rulePriority must be an integer of 1 or more");
    if (!["tagged", "untagged", "any"].includes(selection.tagStatus as string)) {
        problems.push("selection.tagStatus must be tagged, untagged or any");
    }
    const tagLists = [selection.tagPatternList, selection.tagPrefixList].filter((list) => list !== undefined);
    if (selection.tagStatus === "tagged" && tagLists.length !== 1) {
        problems.push("a tagged selection needs exactly one of tagPatternList and tagPrefixList");
    }
    if (
        Array.isArray(selection.tagPatternList) &&
        selection.tagPatternList.some((pattern) => String(pattern).split("*").length - 1 > 4)
    ) {
        problems.push("a tag pattern may hold at most four wildcards");
    }
    if (!countTypes.includes(selection.countType as string)) {
        problems.push(`selection.countType must be one of ${countTypes.join(", ")}`);
    }
    if (selection.countType === "imageCountMoreThan" && selection.countUnit !== undefined) {
        problems.push("imageCountMoreThan takes no countUnit");
    }
    if (String(selection.countType).startsWith("since") && selection.countUnit !== "days") {
        problems.push(`${String(selection.countType)} needs countUnit "days"`);
    }
    if (!positiveInteger(selection.countNumber)) problems.push("selection.countNumber must be an integer of 1 or more");
    if (!["expire", "transition"].includes(rule.action?.type as string)) {
        problems.push("action.type must be expire or transition");
    }
    return problems;
}

function policyProblems(text: unknown): RuleViolation[] {
    let policy: { rules?: LifecycleRule[] };
    try {
        policy = JSON.parse(String(text)) as { rules?: LifecycleRule[] };
    } catch {
        return [{ input: "policy", value: text, detail: "the policy is not JSON" }];
    }
    const rules = Array.isArray(policy.rules) ? policy.rules : [];
    if (rules.length === 0) {
        return [{ input: "policy", value: policy, detail: "the policy needs a non-empty rules list" }];
    }
    const violations: RuleViolation[] = rules.flatMap((rule, i) =>
        ruleProblems(rule).map((detail) => ({ input: `policy rules[${i}]`, value: rule, detail })),
    );
    const priorities = rules.map((rule) => rule.rulePriority);
    if (new Set(priorities).size !== priorities.length) {
        violations.push({ input: "policy", value: priorities, detail: "each rulePriority must be unique" });
    }
    const anyRules = rules.filter((rule) => rule.selection?.tagStatus === "any");
    const highest = Math.max(...priorities.map(Number));
    if (anyRules.length > 1 || anyRules.some((rule) => Number(rule.rulePriority) !== highest)) {
        violations.push({
            input: "policy",
            value: priorities,
            detail: "only one rule may select tagStatus any, and it must have the highest rulePriority",
        });
    }
    return violations;
}

export const lifecyclePolicyRules: readonly DocumentedRule[] = [
    {
        rule: "a lifecycle policy as ECR's grammar has it",
        source: `${parametersPage} and ${evaluationPage}`,
        violations: (inputs) => (inputs.policy === undefined ? [] : policyProblems(inputs.policy)),
    },
];
