// An account that already has GitHub's OIDC provider, a self-managed state bucket, its own environment names, and
// GitHub settings kept by hand.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ProgramRun } from "../../tools/mocks/mockEngine";
import { ACCOUNT_ID, REPOSITORY, named, policyOf, resourcesOfType, runBootstrap } from "./bootstrapRun";

const EXISTING_PROVIDER = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;

let run: ProgramRun;
before(async () => {
    run = await runBootstrap({
        "fargate-service-bootstrap:existingOidcProviderArn": EXISTING_PROVIDER,
        "fargate-service-bootstrap:environments": JSON.stringify(["staging"]),
        "fargate-service-bootstrap:deployRefs": JSON.stringify(["staging=refs/heads/release/*"]),
        "fargate-service-bootstrap:stateBucket": "s3://acme-pulumi-state",
        "fargate-service-bootstrap:manageGitHubSettings": "false",
    });
});

describe("reusing the account's GitHub OIDC provider", () => {
    it("declares no second provider and trusts the existing one, for the configured environment and refs", () => {
        assert.equal(resourcesOfType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
        const [statement] = policyOf(
            named(run, "aws:iam/role:Role", "github-deploy-staging"),
            "assumeRolePolicy",
        ).Statement;
        assert.deepEqual(statement.Principal, { Federated: EXISTING_PROVIDER });
        assert.equal(
            statement.Condition?.StringEquals["token.actions.githubusercontent.com:sub"],
            `repo:${REPOSITORY}:environment:staging`,
        );
        assert.deepEqual(statement.Condition?.StringLike["token.actions.githubusercontent.com:ref"], [
            "refs/heads/release/*",
        ]);
    });

    it("makes one deploy role per configured environment", () => {
        assert.deepEqual(Object.keys(run.outputs.environments as object), ["staging"]);
    });
});

describe("a self-managed state bucket", () => {
    it("is written by the deploys only under their own stack's keys", () => {
        const parts = resourcesOfType(run, "aws:iam/policy:Policy").filter((policy) =>
            policy.name.startsWith("github-deploy-"),
        );
        const statements = parts.flatMap((part) => policyOf(part, "policy").Statement);
        const writes = statements.find((statement) => statement.Sid === "WriteOnlyTheStacksState");
        assert.deepEqual(writes?.Resource, [
            "arn:aws:s3:::acme-pulumi-state/.pulumi/stacks/fargate-service/staging.json*",
            "arn:aws:s3:::acme-pulumi-state/.pulumi/history/fargate-service/staging/*",
            "arn:aws:s3:::acme-pulumi-state/.pulumi/backups/fargate-service/staging/*",
            "arn:aws:s3:::acme-pulumi-state/.pulumi/locks/organization/fargate-service/staging/*",
        ]);
    });

    it("is only read by previews", () => {
        const preview = policyOf(named(run, "aws:iam/rolePolicy:RolePolicy", "github-preview"), "policy");
        const s3 = preview.Statement.filter((statement) => statement.Action.some((action) => action.startsWith("s3:")));
        assert.deepEqual(
            s3.flatMap((statement) => statement.Action),
            ["s3:ListBucket", "s3:GetObject"],
        );
    });
});

describe("GitHub settings kept by hand", () => {
    it("declare nothing on GitHub", () => {
        assert.deepEqual(
            run.resources.filter(
                (resource) => resource.type.startsWith("github:") || resource.type === "pulumi:providers:github",
            ),
            [],
        );
    });
});
