// The stacks' own roles, as the reviewed plans declare them, inside their environment's workload boundary: the
// execution role pulls only its own repository's images and writes only its own log group; the task role can do
// nothing at all; prod's blue/green role shifts only prod's load balancer. And the boundary itself, under a role
// that a deploy gave every permission: it still reaches only its environment's secrets and load balancer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { workloadBoundary } from "../../../bootstrap/permissions/workloadBoundary";
import { account, environments, otherThan } from "./fixture";
import type { PolicyDocument } from "../../../bootstrap/policyDocuments";
import { type Decision, decide } from "./simulator";
import { blueGreenRole, executionRole, policiesOf, readSnapshot, taskRole } from "./workloads";

/** The plans' mocks put both stacks in us-east-1 and account 123456789012. */
const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const repository = (environment: string) =>
    `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fargate-service-${environment}`;
const logStream = (environment: string) =>
    `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/fargate-service/${environment}:log-stream:app/app/0123456789abcdef`;

async function asRole(
    environment: string,
    suffix: string,
    action: string,
    resource: string,
    context: Record<string, string> = {},
): Promise<Decision> {
    const { inline } = policiesOf(readSnapshot(environment), suffix);
    return withinBoundary(environment, inline, action, resource, context);
}

function withinBoundary(
    environment: string,
    identity: PolicyDocument[],
    action: string,
    resource: string,
    context: Record<string, string> = {},
    resourcePolicy?: PolicyDocument,
): Promise<Decision> {
    const boundary = workloadBoundary({ ...account, region: REGION, accountId: ACCOUNT }, environment);
    return decide(
        { identity, boundary, resource: resourcePolicy },
        {
            principal: `arn:aws:sts::${ACCOUNT}:assumed-role/app-roles-1a2b3c4/ecs-task`,
            action,
            resource,
            context: { "aws:RequestedRegion": REGION, ...context },
        },
    );
}

/** A role a deploy gave every permission: only the boundary holds it. */
const everything: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [{ Sid: "Everything", Effect: "Allow", Action: ["*"], Resource: "*" }],
};
/** A customer managed key's default policy, which lets the account's IAM policies decide (KMS Developer Guide,
 * "Default key policy"): KMS reads a key's policy first, so without it no IAM policy allows anything on the key. */
const keyPolicyDelegatingToIam: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [
        {
            Sid: "EnableIamPolicies",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: ["kms:*"],
            Resource: "*",
        },
    ],
};
const taggedFor = (environment: string) => ({ "aws:ResourceTag/environment": environment });
const regional = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

const PULL = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];
const WRITE_LOGS = ["logs:CreateLogStream", "logs:PutLogEvents"];

for (const environment of environments) {
    const other = otherThan(environment);
    describe(`the ${environment} stack's execution role`, () => {
        it("logs in to ECR, pulls its own repository's images and writes its own log group", async () => {
            assert.equal(await asRole(environment, executionRole, "ecr:GetAuthorizationToken", "*"), "Allowed");
            for (const action of PULL)
                assert.equal(await asRole(environment, executionRole, action, repository(environment)), "Allowed");
            for (const action of WRITE_LOGS) {
                assert.equal(await asRole(environment, executionRole, action, logStream(environment)), "Allowed");
            }
        });

        it(`pulls nothing from ${other}'s repository and writes nothing to ${other}'s log group`, async () => {
            for (const action of PULL)
                assert.notEqual(await asRole(environment, executionRole, action, repository(other)), "Allowed");
            for (const action of WRITE_LOGS) {
                assert.notEqual(await asRole(environment, executionRole, action, logStream(other)), "Allowed");
            }
        });
    });

    describe(`the ${environment} stack's task role`, () => {
        it("has no permission policy at all", () => {
            assert.deepEqual(policiesOf(readSnapshot(environment), taskRole), { inline: [], attached: [] });
        });

        it("may not even do what the execution role does with its own environment's resources", async () => {
            assert.equal(await asRole(environment, taskRole, "ecr:GetAuthorizationToken", "*"), "ImplicitlyDenied");
            for (const action of PULL)
                assert.equal(await asRole(environment, taskRole, action, repository(environment)), "ImplicitlyDenied");
            for (const action of WRITE_LOGS) {
                assert.equal(await asRole(environment, taskRole, action, logStream(environment)), "ImplicitlyDenied");
            }
        });
    });
}

describe("prod's blue/green infrastructure role", () => {
    const { inline } = policiesOf(readSnapshot("prod"), blueGreenRole);
    const statements = inline.flatMap((policy) => policy.Statement);
    const resourcesOf = (sid: string) => [statements.find((statement) => statement.Sid === sid)?.Resource ?? []].flat();

    it("reads the load balancer, registers tasks in prod's target groups and shifts prod's rules and listener", async () => {
        for (const action of ["DescribeTargetGroups", "DescribeListeners", "DescribeRules", "DescribeTargetHealth"]) {
            assert.equal(await asRole("prod", blueGreenRole, `elasticloadbalancing:${action}`, "*"), "Allowed");
        }
        const checks: [string, string][] = [
            ...resourcesOf("RegisterTasksInTheStacksTargetGroups").flatMap((arn): [string, string][] => [
                ["elasticloadbalancing:RegisterTargets", arn],
                ["elasticloadbalancing:DeregisterTargets", arn],
            ]),
            ...resourcesOf("ShiftTheStacksListenerRules").map((arn): [string, string] => [
                "elasticloadbalancing:ModifyRule",
                arn,
            ]),
            ...resourcesOf("ModifyTheProductionListener").map((arn): [string, string] => [
                "elasticloadbalancing:ModifyListener",
                arn,
            ]),
        ];
        assert.equal(checks.length, 7, "two target groups, two rules, one listener");
        for (const [action, arn] of checks) {
            assert.equal(await asRole("prod", blueGreenRole, action, arn, taggedFor("prod")), "Allowed", action);
        }
    });
});

for (const environment of environments) {
    const other = otherThan(environment);
    describe(`the ${environment} workload boundary, under a role given every permission`, () => {
        const asAnything = (
            action: string,
            resource: string,
            context: Record<string, string> = {},
            resourcePolicy?: PolicyDocument,
        ) => withinBoundary(environment, [everything], action, resource, context, resourcePolicy);

        it(`reads ${environment}'s own parameters, and parameters and secrets tagged ${environment}; not ${other}'s`, async () => {
            const own = regional("ssm", `parameter/fargate-service/${environment}/API_KEY`);
            const others = regional("ssm", `parameter/fargate-service/${other}/API_KEY`);
            const referenced = regional("ssm", "parameter/shared/api-key");
            const secret = regional("secretsmanager", "secret:db-AbCdEf");
            assert.equal(await asAnything("ssm:GetParameters", own), "Allowed");
            assert.notEqual(await asAnything("ssm:GetParameters", others, taggedFor(other)), "Allowed");
            assert.equal(await asAnything("ssm:GetParameters", referenced, taggedFor(environment)), "Allowed");
            assert.notEqual(await asAnything("ssm:GetParameters", referenced, taggedFor(other)), "Allowed");
            assert.equal(await asAnything("secretsmanager:GetSecretValue", secret, taggedFor(environment)), "Allowed");
            assert.notEqual(await asAnything("secretsmanager:GetSecretValue", secret, taggedFor(other)), "Allowed");
        });

        it("decrypts with a key only as SSM or Secrets Manager asks on its behalf", async () => {
            const key = regional("kms", "key/01234567-89ab-cdef-0123-456789abcdef");
            const decrypt = (context: Record<string, string> = {}) =>
                asAnything("kms:Decrypt", key, context, keyPolicyDelegatingToIam);
            for (const service of ["ssm", "secretsmanager"]) {
                assert.equal(await decrypt({ "kms:ViaService": `${service}.${REGION}.amazonaws.com` }), "Allowed");
            }
            assert.notEqual(await decrypt(), "Allowed");
            assert.notEqual(await decrypt({ "kms:ViaService": `s3.${REGION}.amazonaws.com` }), "Allowed");
        });

        it(`shifts only the traffic of load balancer parts tagged ${environment}`, async () => {
            const lb = "web-alb-0f2c884/c795f603909b9ae4";
            const parts: [string, string][] = [
                ["elasticloadbalancing:RegisterTargets", regional("elasticloadbalancing", "targetgroup/web-tg/0123")],
                ["elasticloadbalancing:DeregisterTargets", regional("elasticloadbalancing", "targetgroup/web-tg/0123")],
                ["elasticloadbalancing:ModifyListener", regional("elasticloadbalancing", `listener/app/${lb}/0f81`)],
                [
                    "elasticloadbalancing:ModifyRule",
                    regional("elasticloadbalancing", `listener-rule/app/${lb}/0f81/8a2c`),
                ],
            ];
            for (const [action, arn] of parts) {
                assert.equal(await asAnything(action, arn, taggedFor(environment)), "Allowed", action);
                assert.notEqual(await asAnything(action, arn, taggedFor(other)), "Allowed", action);
            }
        });

        it("allows nothing else: no other write, not even on its own resources", async () => {
            const lb = regional("elasticloadbalancing", "loadbalancer/app/web-alb-0f2c884/c795f603909b9ae4");
            assert.notEqual(
                await asAnything("elasticloadbalancing:DeleteLoadBalancer", lb, taggedFor(environment)),
                "Allowed",
            );
            const own = regional("ssm", `parameter/fargate-service/${environment}/API_KEY`);
            assert.notEqual(await asAnything("ssm:PutParameter", own), "Allowed");
        });
    });
}
