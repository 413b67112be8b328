// An account that already has GitHub's OIDC provider, a self-managed state
// bucket and its own environment names.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ProgramRun } from "../../tools/mocks/mockEngine";
import { ACCOUNT_ID, REPOSITORY, named, policyOf, resourcesOfType, runBootstrap, statement } from "./bootstrapRun";

const EXISTING_PROVIDER = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;

let run: ProgramRun;
before(async () => {
    run = await runBootstrap({
        "fargate-service-bootstrap:existingOidcProviderArn": EXISTING_PROVIDER,
        "fargate-service-bootstrap:environments": JSON.stringify(["staging"]),
        "fargate-service-bootstrap:stateBucket": "s3://acme-pulumi-state",
    });
});

describe("reusing the account's GitHub OIDC provider", () => {
    it("declares no second provider and trusts the existing one", () => {
        assert.equal(resourcesOfType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
        const trust = policyOf(named(run, "aws:iam/role:Role", "github-deploy-staging"), "assumeRolePolicy");
        assert.deepEqual(trust.Statement[0].Principal, { Federated: EXISTING_PROVIDER });
        assert.deepEqual(trust.Statement[0].Condition?.StringEquals["token.actions.githubusercontent.com:sub"], [
            `repo:${REPOSITORY}:environment:staging`,
        ]);
    });

    it("makes one deploy role per configured environment", () => {
        assert.deepEqual(Object.keys(run.outputs.deployRoleArns as object), ["staging"]);
    });
});

describe("a self-managed state bucket", () => {
    it("is read and written by deploys", () => {
        const deploy = policyOf(named(run, "aws:iam/rolePolicy:RolePolicy", "github-deploy-staging"), "policy");
        assert.deepEqual(statement(deploy, "WriteTheStackState").Resource, "arn:aws:s3:::acme-pulumi-state/*");
    });

    it("is read by previews, which write only the stack lock", () => {
        const preview = policyOf(named(run, "aws:iam/rolePolicy:RolePolicy", "github-preview"), "policy");
        assert.deepEqual(
            statement(preview, "TakeTheStackLock").Resource,
            "arn:aws:s3:::acme-pulumi-state/.pulumi/locks/*",
        );
        assert.deepEqual(statement(preview, "ReadTheStackState").Action, ["s3:GetObject"]);
    });
});
