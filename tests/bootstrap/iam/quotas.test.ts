// IAM's size quotas (IAM User Guide, "IAM and AWS STS quotas"): a managed policy holds 6,144 characters, a role 10
// managed policies (without an increase), a role's inline policies 10,240 characters together, a trust policy
// 2,048. The longest partition and region names make the longest documents.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { boundaryArn } from "../../../bootstrap/githubRoles";
import { deployTrust, parseRepository } from "../../../bootstrap/githubTrust";
import { deployPolicy } from "../../../bootstrap/permissions/deployPolicy";
import { previewPolicy } from "../../../bootstrap/permissions/previewPolicy";
import {
    MANAGED_POLICIES_PER_ROLE,
    MANAGED_POLICY_MAX_CHARS,
    policyChars,
    splitPolicy,
} from "../../../bootstrap/permissions/split";
import { everyRow } from "./fixture";

const account = {
    partition: "aws-us-gov",
    accountId: "123456789012",
    region: "us-gov-west-1",
    workloadRolePath: "/fargate-service/",
    stateBucket: "acme-pulumi-state-of-the-fargate-service-stacks",
};

describe("IAM's quotas", () => {
    it(`hold every deploy policy, pending rows included, in ${MANAGED_POLICIES_PER_ROLE} managed policies of ${MANAGED_POLICY_MAX_CHARS} characters`, () => {
        for (const environment of ["dev", "prod", "production-eu"]) {
            const policy = deployPolicy({
                account,
                environment,
                boundaryArn: boundaryArn(account, environment),
                table: everyRow,
            });
            const parts = splitPolicy(policy);
            assert.ok(parts.length <= MANAGED_POLICIES_PER_ROLE, `${environment}: ${parts.length} parts`);
            for (const part of parts) assert.ok(policyChars(part) <= MANAGED_POLICY_MAX_CHARS);
            assert.deepEqual(
                parts.flatMap((part) => part.Statement),
                policy.Statement,
                "the parts hold every statement, in order",
            );
        }
    });

    it("hold the preview role's inline policy (10,240) and the trust policies (2,048)", () => {
        assert.ok(policyChars(previewPolicy(account, ["dev", "prod", "staging"], everyRow)) <= 10240);
        const provider = `arn:aws-us-gov:iam::${account.accountId}:oidc-provider/token.actions.githubusercontent.com`;
        const repository = parseRepository("an-organisation-with-a-long-name@12345678/fargate-service@87654321");
        const trust = deployTrust(provider, repository, "production-eu", [
            "refs/heads/main",
            "refs/tags/v*",
            "refs/heads/release/*",
        ]);
        assert.ok(policyChars(trust) <= 2048, `${policyChars(trust)} characters`);
    });

    it("are enforced: a statement too long for any managed policy is refused", () => {
        const huge = {
            Version: "2012-10-17" as const,
            Statement: [{ Sid: "X", Effect: "Allow" as const, Action: ["s3:GetObject"], Resource: "x".repeat(7000) }],
        };
        assert.throws(() => splitPolicy(huge), /statement X alone exceeds 6144 characters/);
    });
});
