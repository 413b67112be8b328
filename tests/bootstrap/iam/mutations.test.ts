// Every IAM check can fail: each test breaks one thing the check guards (drops a call, widens a resource, loosens a
// condition, invents an action...) and expects the check to report it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deployTrust, parseRepository } from "../../../bootstrap/githubTrust";
import { type ProviderCalls, declaredCalls } from "../../../bootstrap/providerCalls";
import type { PolicyDocument, PolicyStatement } from "../../../bootstrap/policyDocuments";
import { crossEnvironmentChanges, deniedCalls, deniedPreviewCalls, previewChanges } from "./checks";
import { account, boundaryOf, deployPermissions, deployPrincipal, previewPermissions } from "./fixture";
import { tableDisagreements, unknownActions, unsupportedConditionKeys } from "./policyChecks";
import { decide, decideUnchecked } from "./simulator";
import { executionRole, policiesOf, readSnapshot, taskRole } from "./workloads";

const rowsOf = (...types: string[]) => declaredCalls().filter((row) => types.includes(row.type));

/** The table with `action` dropped from the row of `type`. */
function without(type: string, action: string): ProviderCalls[] {
    return declaredCalls().map((row) =>
        row.type === type ? { ...row, calls: row.calls.filter((call) => call.action !== action) } : row,
    );
}

const edit = (policy: PolicyDocument, change: (statement: PolicyStatement) => PolicyStatement): PolicyDocument => ({
    ...policy,
    Statement: policy.Statement.map(change),
});

describe("each IAM check catches what it guards", () => {
    it("a call the table lost (finding 1: ListTagsForResource after RegisterScalableTarget) is denied", async () => {
        const type = "aws:appautoscaling/target:Target";
        const broken = deployPermissions("prod", without(type, "application-autoscaling:ListTagsForResource"));
        const denied = await deniedCalls(rowsOf(type), "prod", broken);
        assert.deepEqual(
            [...new Set(denied.map((finding) => finding.action))],
            ["application-autoscaling:ListTagsForResource"],
        );
    });

    it("the cache repository left out of the repository scope denies the build's cache push", async () => {
        const cache = `arn:aws:ecr:${account.region}:${account.accountId}:repository/fargate-service-dev-cache`;
        const narrowed = edit(deployPermissions("dev"), (statement) => ({
            ...statement,
            Resource: Array.isArray(statement.Resource)
                ? statement.Resource.filter((resource) => resource !== cache)
                : statement.Resource,
        }));
        const denied = await deniedCalls(rowsOf("docker-build:index:Image"), "dev", narrowed);
        assert.ok(
            denied.some((finding) => finding.action === "ecr:PutImage" && finding.resource === cache),
            JSON.stringify(denied),
        );
        assert.ok(denied.every((finding) => finding.resource === cache));
    });

    it("the blue/green service's PassRole lost is denied: the task definition's passes roles to ECS tasks only", async () => {
        const type = "aws:ecs/service:Service";
        const denied = await deniedCalls(
            rowsOf(type),
            "prod",
            deployPermissions("prod", without(type, "iam:PassRole")),
        );
        assert.deepEqual([...new Set(denied.map((finding) => finding.action))], ["iam:PassRole"]);
    });

    it("a boundary without its tag condition lets a dev role shift prod's listener rule", async () => {
        const rule = `arn:aws:elasticloadbalancing:${account.region}:${account.accountId}:listener-rule/app/web/1/2/3`;
        const request = {
            principal: deployPrincipal("dev"),
            action: "elasticloadbalancing:ModifyRule",
            resource: rule,
            context: { "aws:ResourceTag/environment": "prod" },
        };
        const everything: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [{ Sid: "Everything", Effect: "Allow", Action: ["*"], Resource: "*" }],
        };
        const untagged = edit(boundaryOf("dev"), (statement) =>
            statement.Sid === "ShiftTheEnvironmentsTraffic"
                ? {
                      Sid: statement.Sid,
                      Effect: statement.Effect,
                      Action: statement.Action,
                      Resource: statement.Resource,
                  }
                : statement,
        );
        assert.equal(
            await decide({ identity: [everything], boundary: boundaryOf("dev") }, request),
            "ImplicitlyDenied",
        );
        assert.equal(await decide({ identity: [everything], boundary: untagged }, request), "Allowed");
    });

    it("a repository widened to every repository lets dev change prod's", async () => {
        const widened = JSON.parse(
            JSON.stringify(deployPermissions("dev")).replaceAll("repository/fargate-service-dev", "repository/*"),
        ) as PolicyDocument;
        const reached = await crossEnvironmentChanges(rowsOf("aws:ecr/repository:Repository"), "dev", widened);
        assert.ok(
            reached.some((finding) => finding.action === "ecr:DeleteRepository"),
            JSON.stringify(reached),
        );
    });

    it("a tag condition dropped lets dev change prod's service", async () => {
        const loosened = edit(deployPermissions("dev"), (statement) =>
            statement.Sid === "EcsChangeWhatCarriesTheEnvironmentTag"
                ? {
                      Sid: statement.Sid,
                      Effect: statement.Effect,
                      Action: statement.Action,
                      Resource: statement.Resource,
                  }
                : statement,
        );
        const reached = await crossEnvironmentChanges(rowsOf("aws:ecs/service:Service"), "dev", loosened);
        assert.ok(
            reached.some((finding) => finding.action === "ecs:UpdateService"),
            JSON.stringify(reached),
        );
    });

    it("a write given to the preview role is a change a preview could make", async () => {
        const preview = previewPermissions();
        const writing: PolicyDocument = {
            ...preview,
            Statement: [
                ...preview.Statement,
                { Sid: "Oops", Effect: "Allow", Action: ["ecs:UpdateService"], Resource: "*" },
            ],
        };
        assert.ok((await previewChanges(rowsOf("aws:ecs/service:Service"), writing)).length > 0);
    });

    it("a data source call the preview role lost is denied", async () => {
        const lost = edit(previewPermissions(), (statement) => ({
            ...statement,
            Action: statement.Action.filter((action) => action !== "ec2:DescribeSubnets"),
        }));
        const denied = await deniedPreviewCalls(rowsOf("aws:ec2/getSubnets:getSubnets"), lost);
        assert.ok(denied.length > 0);
    });

    it("an action AWS does not have is reported", async () => {
        const invented = edit(deployPermissions("dev"), (statement) =>
            statement.Sid === "EcsChangeWhatCarriesTheEnvironmentTag"
                ? { ...statement, Action: [...statement.Action, "ecs:UpdateServices"] }
                : statement,
        );
        assert.deepEqual(await unknownActions([{ name: "dev", document: invented }]), [
            "dev EcsChangeWhatCarriesTheEnvironmentTag: ecs:UpdateServices is no IAM action",
        ]);
    });

    it("a tag condition on an action that carries no tags is reported", async () => {
        const policy: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "Deregister",
                    Effect: "Allow",
                    Action: ["ecs:DeregisterTaskDefinition"],
                    Resource: "*",
                    Condition: { StringEquals: { "aws:ResourceTag/environment": "dev" } },
                },
            ],
        };
        assert.deepEqual(await unsupportedConditionKeys([{ name: "p", document: policy }]), [
            "p Deregister: ecs:DeregisterTaskDefinition is never sent aws:ResourceTag/environment",
        ]);
    });

    it("a call the table describes wrongly is reported", async () => {
        const [row] = rowsOf("aws:ecs/service:Service");
        const wrong = {
            ...row,
            calls: row.calls.map((call) =>
                call.action === "ecs:DescribeServices" ? { ...call, access: "change" as const } : call,
            ),
        };
        const problems = await tableDisagreements([wrong]);
        assert.deepEqual(problems, [
            "aws:ecs/service:Service ecs:DescribeServices: marked change, but its access level is Read",
        ]);
    });

    it("an execution role and boundary widened to every repository let dev pull prod's images", async () => {
        const [inline] = policiesOf(readSnapshot("dev"), executionRole).inline;
        const widen = (document: PolicyDocument) =>
            JSON.parse(
                JSON.stringify(document).replaceAll("repository/fargate-service-dev", "repository/*"),
            ) as PolicyDocument;
        const boundary = widen(boundaryOf("dev"));
        const resource = `arn:aws:ecr:${account.region}:${account.accountId}:repository/fargate-service-prod`;
        const request = { principal: deployPrincipal("dev"), action: "ecr:BatchGetImage", resource, context: {} };
        const asPlanned = JSON.parse(JSON.stringify(inline).replaceAll("us-east-1", account.region)) as PolicyDocument;
        assert.notEqual(await decide({ identity: [asPlanned], boundary: boundaryOf("dev") }, request), "Allowed");
        assert.equal(await decide({ identity: [widen(asPlanned)], boundary }, request), "Allowed");
    });

    it("a policy attached to the task role is found", () => {
        const snapshot = readSnapshot("dev");
        const task = snapshot.resources.find(
            (resource) => resource.name.endsWith(taskRole) && resource.type === "aws:iam/role:Role",
        );
        assert.ok(task);
        const attached = {
            ...snapshot,
            resources: [
                ...snapshot.resources,
                {
                    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    name: "oops",
                    urn: "urn:pulumi:dev::fargate-service::aws:iam/rolePolicyAttachment:RolePolicyAttachment::oops",
                    inputs: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
                    dependencies: [task.urn],
                },
            ],
        };
        assert.deepEqual(policiesOf(attached, taskRole).attached, ["arn:aws:iam::aws:policy/AdministratorAccess"]);
    });

    it("a trust without the ref condition lets a feature branch deploy dev", () => {
        const provider = `arn:aws:iam::${account.accountId}:oidc-provider/token.actions.githubusercontent.com`;
        const trust = deployTrust(provider, parseRepository("acme/fargate-service"), "dev", ["refs/heads/main"]);
        const claims = {
            "token.actions.githubusercontent.com:sub": "repo:acme/fargate-service:environment:dev",
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:repository": "acme/fargate-service",
            "token.actions.githubusercontent.com:environment": "dev",
            "token.actions.githubusercontent.com:ref": "refs/heads/feature",
        };
        const assume = (document: PolicyDocument) =>
            decideUnchecked(
                { identity: [], resource: document },
                {
                    principal: provider,
                    action: "sts:AssumeRoleWithWebIdentity",
                    resource: `arn:aws:iam::${account.accountId}:role/r`,
                    context: claims,
                },
            );
        assert.equal(assume(trust), "ImplicitlyDenied");
        const loosened = edit(trust, (statement) => ({
            ...statement,
            Condition: { StringEquals: statement.Condition?.StringEquals ?? {} },
        }));
        assert.equal(assume(loosened), "Allowed");
    });

    it("a state write widened to the whole backend lets dev write prod's state", async () => {
        const key = `arn:aws:s3:::${account.stateBucket}/.pulumi/stacks/fargate-service/prod.json`;
        const request = { principal: deployPrincipal("dev"), action: "s3:PutObject", resource: key, context: {} };
        const widened = edit(deployPermissions("dev"), (statement) =>
            statement.Sid === "WriteOnlyTheStacksState"
                ? { ...statement, Resource: `arn:aws:s3:::${account.stateBucket}/.pulumi/*` }
                : statement,
        );
        assert.equal(await decide({ identity: [deployPermissions("dev")] }, request), "ImplicitlyDenied");
        assert.equal(await decide({ identity: [widened] }, request), "Allowed");
    });
});
