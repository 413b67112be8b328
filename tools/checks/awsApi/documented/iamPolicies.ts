// IAM policy grammar (Version, Statement, Effect, Action, Resource, Principal, Condition), checked by
// @cloud-copilot/iam-policy's validators: the model only bounds a document's length and characters.
import {
    validateIdentityPolicy,
    validateResourcePolicy,
    validateTrustPolicy,
    ValidationError,
} from "@cloud-copilot/iam-policy";
import { DocumentedRule, RuleViolation } from "../documentedRule";

const grammar = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";

function documentRule(input: string, rule: string, validate: (policy: unknown) => ValidationError[]): DocumentedRule {
    return {
        rule,
        source: `${grammar} (validated with @cloud-copilot/iam-policy)`,
        violations(inputs): RuleViolation[] {
            const text = inputs[input];
            if (text === undefined) {
                return [];
            }
            let policy: unknown;
            try {
                policy = typeof text === "string" ? JSON.parse(text) : text;
            } catch {
                return [{ input, value: text, detail: "the document is not JSON" }];
            }
            return validate(policy).map((error) => ({
                input: error.path === "" ? input : `${input} ${error.path}`,
                value: error.path === "" ? policy : valueAtPolicyPath(policy, error.path),
                detail: error.message,
            }));
        },
    };
}

/** The value a validator's path ("Statement[0].Action") names. */
function valueAtPolicyPath(policy: unknown, path: string): unknown {
    return path
        .split(/[.[\]]+/)
        .filter((key) => key !== "")
        .reduce<unknown>(
            (value, key) =>
                value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined,
            policy,
        );
}

export const trustPolicyRule = documentRule(
    "assumeRolePolicy",
    "a trust policy as IAM's grammar has it",
    validateTrustPolicy,
);
export const rolePolicyRule = documentRule(
    "policy",
    "an identity policy as IAM's grammar has it",
    validateIdentityPolicy,
);
/** A KMS key policy is a resource policy (its Principal rule is KMS's own: documented/kms.ts). */
export const keyPolicyRule = documentRule("policy", "a key policy as IAM's grammar has it", validateResourcePolicy);
