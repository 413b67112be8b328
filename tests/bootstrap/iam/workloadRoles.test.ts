// The stacks' task roles, as the reviewed plans declare them, inside their environment's workload boundary: the
// execution role pulls only its own repository's images and writes only its own log group; the task role can do
// nothing at all.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { workloadBoundary } from "../../../bootstrap/permissions/workloadBoundary";
import { account, environments, otherThan } from "./fixture";
import { type Decision, decide } from "./simulator";
import { executionRole, policiesOf, readSnapshot, taskRole } from "./workloads";

/** The plans' mocks put both stacks in us-east-1 and account 123456789012. */
const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const repository = (environment: string) =>
    `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/fargate-service-${environment}`;
const logStream = (environment: string) =>
    `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/fargate-service/${environment}:log-stream:app/app/0123456789abcdef`;

async function asRole(environment: string, suffix: string, action: string, resource: string): Promise<Decision> {
    const { inline } = policiesOf(readSnapshot(environment), suffix);
    const boundary = workloadBoundary({ ...account, region: REGION, accountId: ACCOUNT }, environment);
    return decide(
        { identity: inline, boundary },
        {
            principal: `arn:aws:sts::${ACCOUNT}:assumed-role/app-roles${suffix}-1a2b3c4/ecs-task`,
            action,
            resource,
            context: { "aws:RequestedRegion": REGION },
        },
    );
}

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
