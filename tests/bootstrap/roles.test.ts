// The bootstrap program as it declares itself for a fresh account with the default environments dev and prod:
// what each role is made of. What the policies allow is checked by a policy engine (iam/).
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ProgramRun } from "../../tools/mocks/mockEngine";
import { deployTrust, parseRepository, previewTrust } from "../../bootstrap/githubTrust";
import { MANAGED_POLICIES_PER_ROLE, MANAGED_POLICY_MAX_CHARS } from "../../bootstrap/permissions/split";
import { ACCOUNT_ID, REGION, REPOSITORY, named, policyOf, resourcesOfType, runBootstrap } from "./bootstrapRun";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;

let run: ProgramRun;
before(async () => {
    run = await runBootstrap({});
});

describe("GitHub's OIDC identity provider", () => {
    it("trusts only GitHub's token issuer, for AWS STS", () => {
        const [provider, ...others] = resourcesOfType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.equal(others.length, 0);
        assert.equal(provider.inputs.url, "https://token.actions.githubusercontent.com");
        assert.deepEqual(provider.inputs.clientIdLists, ["sts.amazonaws.com"]);
    });
});

describe("the deploy roles", () => {
    const repository = parseRepository(REPOSITORY);

    for (const [environment, refs] of [
        ["dev", ["refs/heads/main"]],
        ["prod", ["refs/heads/main", "refs/tags/v*"]],
    ] as const) {
        it(`the ${environment} role trusts this repository's ${environment} environment, from ${refs.join(" or ")}`, () => {
            const trust = policyOf(named(run, ROLE, `github-deploy-${environment}`), "assumeRolePolicy");
            assert.deepEqual(trust, deployTrust(PROVIDER_ARN, repository, environment, refs));
        });

        it(`the ${environment} role's permissions fit IAM's quotas: managed policies of ${MANAGED_POLICY_MAX_CHARS} characters at most, ${MANAGED_POLICIES_PER_ROLE} at most`, () => {
            const parts = resourcesOfType(run, ATTACHMENT).filter((attachment) =>
                attachment.name.startsWith(`github-deploy-${environment}-`),
            );
            assert.ok(parts.length > 0 && parts.length <= MANAGED_POLICIES_PER_ROLE, `${parts.length} policies`);
            for (const part of parts) {
                const text = String(named(run, POLICY, part.name).inputs.policy);
                assert.ok(text.replace(/\s/g, "").length <= MANAGED_POLICY_MAX_CHARS, `${part.name}: ${text.length}`);
            }
        });

        it(`the ${environment} workload boundary is named for its environment, under its role path`, () => {
            const boundary = named(run, POLICY, `github-${environment}-workload-boundary`);
            assert.equal(boundary.inputs.name, `fargate-service-${environment}-workload-boundary`);
            assert.equal(boundary.inputs.path, `/fargate-service/${environment}/`);
        });
    }

    it("hand out credentials for an hour at most", () => {
        for (const role of resourcesOfType(run, ROLE)) assert.equal(role.inputs.maxSessionDuration, 3600, role.name);
    });

    it("have no inline policy: their permissions are the managed parts, the preview role's is inline", () => {
        assert.deepEqual(
            resourcesOfType(run, "aws:iam/rolePolicy:RolePolicy").map((policy) => policy.name),
            ["github-preview"],
        );
    });
});

describe("the preview role", () => {
    it("trusts only this repository's pull_request runs", () => {
        const trust = policyOf(named(run, ROLE, "github-preview"), "assumeRolePolicy");
        assert.deepEqual(trust, previewTrust(PROVIDER_ARN, parseRepository(REPOSITORY)));
    });
});

describe("the stack outputs", () => {
    it("give what the GitHub environments, the preview and the stacks need", () => {
        assert.deepEqual(Object.keys(run.outputs).sort(), [
            "environments",
            "oidcProviderArn",
            "previewRoleArn",
            "region",
        ]);
        assert.equal(run.outputs.oidcProviderArn, PROVIDER_ARN);
        assert.equal(run.outputs.region, REGION);
        const environments = run.outputs.environments as Record<string, Record<string, string>>;
        assert.deepEqual(Object.keys(environments), ["dev", "prod"]);
        assert.deepEqual(environments.dev.workloadRolePath, "/fargate-service/dev/");
        assert.equal(
            environments.prod.workloadBoundaryArn,
            `arn:aws:iam::${ACCOUNT_ID}:policy/fargate-service/prod/fargate-service-prod-workload-boundary`,
        );
        assert.match(environments.prod.deployRoleArn, /^arn:aws:iam::123456789012:role\/github-deploy-prod-/);
    });
});
