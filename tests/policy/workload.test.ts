// The registry, task, service, log and IAM policies: a resource that passes each, and one change per case that
// violates it.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resourceTypes as t } from "../../tools/resourceTypes";
import { declare, packForThisFile, violationsOf } from "./packUnderTest";

const pack = packForThisFile();
const digest = `123456789012.dkr.ecr.us-east-1.amazonaws.com/fargate-service-dev@sha256:${"ab".repeat(32)}`;

async function judged(policy: string, type: string, inputs: Record<string, unknown>): Promise<string[]> {
    return violationsOf(await pack.judge([declare(type, "subject", inputs)]), policy);
}

describe("ecr-immutable-tags-scan-on-push", () => {
    const policy = "ecr-immutable-tags-scan-on-push";
    const compliant = { imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } };

    it("passes an immutable repository that scans on push", async () => {
        assert.deepEqual(await judged(policy, t.repository, compliant), []);
    });

    it("refuses mutable tags and a repository that does not scan", async () => {
        assert.deepEqual(
            await judged(policy, t.repository, {
                imageTagMutability: "MUTABLE",
                imageScanningConfiguration: { scanOnPush: false },
            }),
            [
                'mandatory subject: imageTagMutability is "MUTABLE"; allowed: "IMMUTABLE" (or "IMMUTABLE_WITH_EXCLUSION" for the build cache\'s "buildcache-*" tags only).',
                "mandatory subject: imageScanningConfiguration.scanOnPush is not true: pushed images are not scanned.",
            ],
        );
    });
});

describe("ecr-immutable-tags-scan-on-push and the build cache", () => {
    const policy = "ecr-immutable-tags-scan-on-push";
    const cache = (filters: string[]) => ({
        imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: filters.map((filter) => ({ filter, filterType: "WILDCARD" })),
        imageScanningConfiguration: { scanOnPush: true },
    });

    it("passes a cache repository whose only movable tags are the build cache's", async () => {
        assert.deepEqual(await judged(policy, t.repository, cache(["buildcache-*"])), []);
    });

    it("refuses an exclusion that lets any other tag move, or none at all", async () => {
        assert.deepEqual(await judged(policy, t.repository, cache(["buildcache-*", "*"])), [
            'mandatory subject: imageTagMutabilityExclusionFilters lets ["*"] move; allowed: only the build cache\'s tags, "buildcache-*".',
        ]);
        assert.equal((await judged(policy, t.repository, cache([]))).length, 1);
    });
});

describe("task definition policies", () => {
    const container = { name: "app", image: digest, user: "1654", readonlyRootFilesystem: true };
    const task = (changes: Record<string, unknown>) => ({
        containerDefinitions: JSON.stringify([{ ...container, ...changes }]),
    });

    it("ecs-images-by-digest passes an image by digest and refuses one by tag", async () => {
        assert.deepEqual(await judged("ecs-images-by-digest", t.taskDefinition, task({})), []);
        assert.deepEqual(await judged("ecs-images-by-digest", t.taskDefinition, task({ image: "nginx:latest" })), [
            'mandatory subject: container "app" runs image "nginx:latest"; allowed: an image by digest (@sha256:...).',
        ]);
    });

    it("ecs-containers-read-only-non-root passes a non-root user on a read-only root", async () => {
        assert.deepEqual(await judged("ecs-containers-read-only-non-root", t.taskDefinition, task({})), []);
    });

    it("ecs-containers-read-only-non-root refuses a writable root, root, the image's default user and privileged", async () => {
        const policy = "ecs-containers-read-only-non-root";
        assert.deepEqual(
            await judged(
                policy,
                t.taskDefinition,
                task({ readonlyRootFilesystem: false, user: "0:0", privileged: true }),
            ),
            [
                'mandatory subject: container "app" has a writable root filesystem; set readonlyRootFilesystem: true.',
                'mandatory subject: container "app" runs as "0:0"; allowed: a non-root user such as 1654.',
                'mandatory subject: container "app" is privileged.',
            ],
        );
        assert.deepEqual(await judged(policy, t.taskDefinition, task({ user: undefined })), [
            `mandatory subject: container "app" runs as the image's default user; allowed: a non-root user such as 1654.`,
        ]);
    });
});

describe("ecs-circuit-breaker-rollback", () => {
    it("passes a service whose circuit breaker rolls back, and refuses one that only stops", async () => {
        const policy = "ecs-circuit-breaker-rollback";
        assert.deepEqual(
            await judged(policy, t.service, { deploymentCircuitBreaker: { enable: true, rollback: true } }),
            [],
        );
        assert.deepEqual(
            await judged(policy, t.service, { deploymentCircuitBreaker: { enable: true, rollback: false } }),
            [
                'mandatory subject: deploymentCircuitBreaker is {"enable":true,"rollback":false}; allowed: { enable: true, rollback: true }.',
            ],
        );
    });
});

describe("log-retention-set", () => {
    it("passes a retention period and refuses logs kept forever", async () => {
        assert.deepEqual(await judged("log-retention-set", t.logGroup, { retentionInDays: 7 }), []);
        assert.deepEqual(await judged("log-retention-set", t.logGroup, {}), [
            "mandatory subject: retentionInDays is unset: the logs never expire; set a retention period.",
        ]);
    });
});

describe("iam-no-wildcards", () => {
    const policy = "iam-no-wildcards";
    const document = (...Statement: Record<string, unknown>[]) => ({
        policy: JSON.stringify({ Version: "2012-10-17", Statement }),
    });

    it("passes the execution role's policy: GetAuthorizationToken, which has no resource-level permissions, on *", async () => {
        assert.deepEqual(
            await judged(
                policy,
                t.rolePolicy,
                document(
                    { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
                    {
                        Sid: "Pull",
                        Effect: "Allow",
                        Action: ["ecr:BatchGetImage"],
                        Resource: "arn:aws:ecr:us-east-1:123456789012:repository/app",
                    },
                    {
                        Sid: "Logs",
                        Effect: "Allow",
                        Action: ["logs:PutLogEvents"],
                        Resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:*",
                    },
                ),
            ),
            [],
        );
    });

    it("refuses wildcard actions, NotAction, and * for actions that can name their resources", async () => {
        assert.deepEqual(
            await judged(
                policy,
                t.rolePolicy,
                document(
                    {
                        Sid: "Everything",
                        Effect: "Allow",
                        Action: "ecr:*",
                        Resource: "arn:aws:ecr:us-east-1:123456789012:repository/app",
                    },
                    {
                        Sid: "AnyImage",
                        Effect: "Allow",
                        Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"],
                        Resource: "*",
                    },
                    { Sid: "AllBut", Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::bucket" },
                    { Sid: "Denied", Effect: "Deny", Action: "*", Resource: "*" },
                ),
            ),
            [
                "mandatory subject: policy, statement Everything, allows the wildcard action ecr:*; name each action.",
                'mandatory subject: policy, statement AnyImage, allows ecr:BatchGetImage on Resource "*", though AWS lets these name their resources (only actions without resource-level permissions, such as ecr:GetAuthorizationToken, may use "*").',
                "mandatory subject: policy, statement AllBut, allows NotAction, which grants every action but the listed ones.",
            ],
        );
    });

    it("reads a role's inline policies too", async () => {
        assert.deepEqual(
            await judged(policy, t.role, {
                inlinePolicies: [{ name: "admin", ...document({ Effect: "Allow", Action: "*", Resource: "*" }) }],
            }),
            ["mandatory subject: inline policy admin, statement 0, allows the wildcard action *; name each action."],
        );
    });
});
