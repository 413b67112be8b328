// IAM holds a customer managed policy to 6,144 characters (whitespace not counted) and a role's inline policies to
// 10,240 together (IAM User Guide, "IAM and AWS STS quotas", https://docs.aws.amazon.com/IAM/latest/UserGuide/
// reference_iam-quotas.html): a deploy role's permissions go into as many managed policies as they need.
import { type PolicyDocument, type PolicyStatement, document } from "../policyDocuments";

export const MANAGED_POLICY_MAX_CHARS = 6144;
/** Managed policies a role may have attached without a quota increase. */
export const MANAGED_POLICIES_PER_ROLE = 10;

/** The characters IAM counts: the JSON without whitespace outside strings (JSON.stringify writes none). */
export function policyChars(policy: PolicyDocument): number {
    return JSON.stringify(policy).length;
}

/** The statements in order, packed into documents of at most `maxChars` each. */
export function splitPolicy(policy: PolicyDocument, maxChars = MANAGED_POLICY_MAX_CHARS): PolicyDocument[] {
    const parts: PolicyStatement[][] = [];
    for (const statement of policy.Statement) {
        const current = parts.at(-1);
        if (current !== undefined && policyChars(document(...current, statement)) <= maxChars) {
            current.push(statement);
        } else {
            if (policyChars(document(statement)) > maxChars) {
                throw new Error(`statement ${statement.Sid} alone exceeds ${maxChars} characters`);
            }
            parts.push([statement]);
        }
    }
    return parts.map((statements) => document(...statements));
}
