// The AccessLogBucket component alone: a private, encrypted, expiring bucket that only ELB's log delivery writes to.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    AccessLogBucket,
    AccessLogBucketArgs,
    accessLogPrefix,
    logDeliveryPrincipal,
    maxBucketPrefixLength,
} from "../../../infra/loadBalancer/accessLogBucket";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const baseArgs: AccessLogBucketArgs = { retentionDays: 90, forceDestroy: false, bucketPrefix: "fargate-service-prod-" };

interface Statement {
    Sid: string;
    Effect: string;
    Principal: unknown;
    Action: string;
    Resource: unknown;
    Condition?: unknown;
}

describe("AccessLogBucket", () => {
    it("blocks every kind of public access and turns ACLs off", async () => {
        const declared = await declaredBy(new AccessLogBucket("private", baseArgs));
        const bucket = declared.one(tokens.bucket).outputs.bucket;
        const block = declared.one(tokens.bucketPublicAccessBlock).inputs;
        assert.deepEqual(block, {
            bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepEqual(declared.one(tokens.bucketOwnershipControls).inputs, {
            bucket,
            rule: { objectOwnership: "BucketOwnerEnforced" },
        });
    });

    it("encrypts with SSE-S3, the only default encryption ELB's log delivery supports", async () => {
        const declared = await declaredBy(new AccessLogBucket("encrypted", baseArgs));
        assert.deepEqual(declared.one(tokens.bucketEncryption).inputs.rules, [
            { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
        ]);
    });

    it("expires the logs after the retention period", async () => {
        const declared = await declaredBy(new AccessLogBucket("expiring", { ...baseArgs, retentionDays: 30 }));
        assert.deepEqual(declared.one(tokens.bucketLifecycle).inputs.rules, [
            {
                id: "expire-access-logs",
                status: "Enabled",
                filter: { prefix: `${accessLogPrefix}/` },
                expiration: { days: 30 },
            },
        ]);
    });

    it("lets ELB's log delivery put this account's logs under the prefix, and nobody in without TLS", async () => {
        const declared = await declaredBy(new AccessLogBucket("policy", baseArgs));
        const bucketArn = String(declared.one(tokens.bucket).outputs.arn);
        const statements = (
            JSON.parse(String(declared.one(tokens.bucketPolicy).inputs.policy)) as { Statement: Statement[] }
        ).Statement;
        assert.deepEqual(statements, [
            {
                Sid: "LoadBalancerLogDelivery",
                Effect: "Allow",
                Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${bucketArn}/alb/AWSLogs/123456789012/*`,
            },
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
        assert.equal(logDeliveryPrincipal, "logdelivery.elasticloadbalancing.amazonaws.com");
    });

    it("applies the policy after the ownership and public access settings, one change at a time", async () => {
        const declared = await declaredBy(new AccessLogBucket("order", baseArgs));
        const policy = declared.one(tokens.bucketPolicy);
        assert.ok(policy.dependencies.includes(declared.one(tokens.bucketPublicAccessBlock).urn));
        assert.ok(policy.dependencies.includes(declared.one(tokens.bucketOwnershipControls).urn));
    });

    it("hands the load balancer its access log setting: this bucket, under the prefix", async () => {
        const component = new AccessLogBucket("setting", baseArgs);
        const declared = await declaredBy(component);
        assert.deepEqual(await promiseOf(component.loadBalancerAccessLogs), {
            bucket: declared.one(tokens.bucket).outputs.bucket,
            prefix: accessLogPrefix,
            enabled: true,
        });
    });

    it("is named with the given prefix, which the deploy role's bucket scope matches", async () => {
        const declared = await declaredBy(new AccessLogBucket("named", baseArgs));
        assert.equal(declared.one(tokens.bucket).inputs.bucketPrefix, "fargate-service-prod-");
        assert.match(String(declared.one(tokens.bucket).outputs.bucket), /^fargate-service-prod-[0-9a-f]{26}$/);
    });

    it("refuses a prefix the provider would refuse, naming the argument", () => {
        assert.throws(
            () => new AccessLogBucket("long", { ...baseArgs, bucketPrefix: `${"a".repeat(maxBucketPrefixLength)}-` }),
            /`bucketPrefix` must be at most 37/,
        );
        assert.throws(() => new AccessLogBucket("upper", { ...baseArgs, bucketPrefix: "Fargate-" }), /`bucketPrefix`/);
    });

    it("deletes its logs with the stack only when told", async () => {
        for (const forceDestroy of [true, false]) {
            const declared = await declaredBy(
                new AccessLogBucket(`destroy-${forceDestroy}`, { ...baseArgs, forceDestroy }),
            );
            assert.equal(declared.one(tokens.bucket).inputs.forceDestroy, forceDestroy);
        }
    });
});
