// The bootstrap's identity provider and roles, as declared for a fresh account
// with the default environments dev and prod.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { ProgramRun } from "../../tools/mocks/mockEngine";
import {
    ACCOUNT_ID,
    REGION,
    REPOSITORY,
    allowedActions,
    named,
    policyOf,
    resourcesOfType,
    runBootstrap,
    statement,
} from "./bootstrapRun";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/token.actions.githubusercontent.com`;
const WORKLOAD_ROLES = `arn:aws:iam::${ACCOUNT_ID}:role/fargate-service/*`;

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
    it("exist once per GitHub environment", () => {
        assert.deepEqual(Object.keys(run.outputs.deployRoleArns as object).sort(), ["dev", "prod"]);
    });

    for (const environment of ["dev", "prod"]) {
        it(`the ${environment} role trusts only this repository's ${environment} environment`, () => {
            const trust = policyOf(named(run, ROLE, `github-deploy-${environment}`), "assumeRolePolicy");
            assert.deepEqual(trust.Statement, [
                {
                    Sid: "GitHubActionsOfThisRepository",
                    Effect: "Allow",
                    Action: ["sts:AssumeRoleWithWebIdentity"],
                    Principal: { Federated: PROVIDER_ARN },
                    Condition: {
                        StringEquals: {
                            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                            "token.actions.githubusercontent.com:sub": [
                                `repo:${REPOSITORY}:environment:${environment}`,
                            ],
                        },
                    },
                },
            ]);
        });
    }

    it("hand out credentials for an hour at most", () => {
        for (const role of resourcesOfType(run, ROLE)) assert.equal(role.inputs.maxSessionDuration, 3600, role.name);
    });

    const deploy = () => policyOf(named(run, ROLE_POLICY, "github-deploy-prod"), "policy");

    it("grant no service's every action", () => {
        for (const action of allowedActions(deploy())) {
            assert.ok(action !== "*" && !action.endsWith(":*"), `${action} allows a whole service`);
        }
    });

    it("change resources only in the stack's account and region", () => {
        for (const grant of deploy().Statement.filter((candidate) => candidate.Effect === "Allow")) {
            const readOnly = grant.Action.every(
                (action) => /:(Describe|List|Get)/.test(action) || action === "ecr:GetAuthorizationToken",
            );
            const resources = [grant.Resource ?? []].flat();
            const scoped =
                resources.every(
                    (resource) =>
                        resource.includes(`:${ACCOUNT_ID}:`) || resource.startsWith(`arn:aws:iam::${ACCOUNT_ID}:`),
                ) || JSON.stringify(grant.Condition ?? {}).includes(`"aws:RequestedRegion":"${REGION}"`);
            assert.ok(readOnly || scoped, `${grant.Sid} may change resources outside ${ACCOUNT_ID}/${REGION}`);
        }
    });

    it("pass only the stack's workload roles, and only to ECS tasks", () => {
        const passing = deploy().Statement.filter((candidate) => candidate.Action.includes("iam:PassRole"));
        assert.deepEqual(
            passing.map((candidate) => candidate.Sid),
            ["PassWorkloadRolesOnlyToEcsTasks"],
        );
        assert.equal(passing[0].Resource, WORKLOAD_ROLES);
        assert.deepEqual(passing[0].Condition, { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } });
    });

    it("create and grant workload roles only inside the workload boundary", () => {
        const boundaryArn = String(run.outputs.workloadPermissionsBoundaryArn);
        const granting = statement(deploy(), "GrantOnlyWithinTheWorkloadBoundary");
        assert.ok(granting.Action.includes("iam:CreateRole") && granting.Action.includes("iam:PutRolePolicy"));
        assert.equal(granting.Resource, WORKLOAD_ROLES);
        assert.deepEqual(granting.Condition, { StringEquals: { "iam:PermissionsBoundary": boundaryArn } });
        const elsewhere = deploy().Statement.filter(
            (candidate) =>
                candidate.Sid !== granting.Sid && candidate.Action.some((action) => granting.Action.includes(action)),
        );
        assert.deepEqual(elsewhere, []);
    });

    it("can never lift the workload boundary", () => {
        assert.deepEqual(statement(deploy(), "NeverLiftTheWorkloadBoundary"), {
            Sid: "NeverLiftTheWorkloadBoundary",
            Effect: "Deny",
            Action: ["iam:DeleteRolePermissionsBoundary"],
            Resource: "*",
        });
    });

    it("cover what pulumi up of the stack does: ECR push, ECS, load balancer, security groups, logs, autoscaling", () => {
        const actions = allowedActions(deploy());
        for (const needed of [
            "ecr:CreateRepository",
            "ecr:PutImage",
            "ecr:PutLifecyclePolicy",
            "ecs:RegisterTaskDefinition",
            "ecs:CreateService",
            "elasticloadbalancing:CreateLoadBalancer",
            "ec2:AuthorizeSecurityGroupIngress",
            "logs:PutRetentionPolicy",
            "application-autoscaling:PutScalingPolicy",
            "cloudwatch:PutMetricAlarm",
        ]) {
            assert.ok(actions.includes(needed), `${needed} is missing`);
        }
    });
});

describe("the workload boundary", () => {
    it("lets the service's roles pull the image and write logs, nothing else", () => {
        const boundary = policyOf(resourcesOfType(run, "aws:iam/policy:Policy")[0], "policy");
        assert.deepEqual(allowedActions(boundary).sort(), [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetAuthorizationToken",
            "ecr:GetDownloadUrlForLayer",
            "logs:CreateLogStream",
            "logs:PutLogEvents",
        ]);
    });
});

describe("the preview role", () => {
    it("trusts only this repository's pull_request runs", () => {
        const trust = policyOf(named(run, ROLE, "github-preview"), "assumeRolePolicy");
        assert.deepEqual(trust.Statement[0].Condition, {
            StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": [`repo:${REPOSITORY}:pull_request`],
            },
        });
    });

    it("can read but change nothing", () => {
        for (const action of allowedActions(policyOf(named(run, ROLE_POLICY, "github-preview"), "policy"))) {
            assert.match(
                action,
                /^[a-z0-9-]+:(Describe|List|Get|BatchGet)|^ecr:GetAuthorizationToken$/,
                `${action} is not read-only`,
            );
        }
    });
});

describe("the stack outputs", () => {
    it("give the role ARNs, the boundary and the role path the workflows and the stack need", () => {
        assert.deepEqual(Object.keys(run.outputs).sort(), [
            "deployRoleArns",
            "oidcProviderArn",
            "previewRoleArn",
            "region",
            "workloadPermissionsBoundaryArn",
            "workloadRolePath",
        ]);
        assert.equal(run.outputs.oidcProviderArn, PROVIDER_ARN);
        assert.equal(run.outputs.region, REGION);
        assert.equal(run.outputs.workloadRolePath, "/fargate-service/");
        assert.match(
            String(run.outputs.workloadPermissionsBoundaryArn),
            /^arn:aws:iam::123456789012:policy\/fargate-service\//,
        );
    });
});
