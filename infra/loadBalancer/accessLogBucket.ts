// Where the load balancer keeps its records: an S3 bucket of the stack's own that only ELB's log delivery writes to.
// Requirements from the ELB user guide, "Enable access logs for your Application Load Balancer"
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html): the bucket is in
// the load balancer's region, its only supported encryption is SSE-S3, and its policy lets ELB put objects under
// <prefix>/AWSLogs/<account>/.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface AccessLogBucketArgs {
    /** Log files expire after this many days. */
    retentionDays: pulumi.Input<number>;
    /** Let `pulumi destroy` delete the bucket while it holds logs. */
    forceDestroy: pulumi.Input<boolean>;
    /** The bucket's name up to the suffix S3 names are made unique with, e.g. fargate-service-prod-: the deploy role
     * may manage only buckets whose names start with its stack's prefix (bootstrap/permissions/resourceScopes.ts). */
    bucketPrefix: string;
}

/** The longest bucket_prefix the provider accepts: it appends a 26-character unique suffix to a 63-character name
 * (terraform-provider-aws internal/service/s3/bucket.go, bucket_prefix). */
export const maxBucketPrefixLength = 37;

/** The key prefix the load balancer writes under; ELB adds AWSLogs/<account>/elasticloadbalancing/<region>/... */
export const accessLogPrefix = "alb";

/**
 * ELB's log delivery service. The user guide grants it in the regions opened since August 2022 and recommends it in
 * place of the per-region ELB account IDs of older regions (which aws.elb.getServiceAccount knows, and which fails in
 * the newer ones); one principal works in every commercial region.
 */
export const logDeliveryPrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

export class AccessLogBucket extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    /**
     * The load balancer's `accessLogs` setting. It resolves only once the bucket policy exists: ELB writes a test
     * file when logging is turned on and refuses a bucket it may not write to yet.
     */
    public readonly loadBalancerAccessLogs: pulumi.Output<{ bucket: string; prefix: string; enabled: boolean }>;

    constructor(name: string, args: AccessLogBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.bucketPrefix.length > maxBucketPrefixLength || !/^[a-z0-9][a-z0-9.-]*$/.test(args.bucketPrefix)) {
            throw new Error(
                `\`bucketPrefix\` must be at most ${maxBucketPrefixLength} lowercase letters, digits, dots and hyphens, ` +
                    `starting with a letter or digit; got "${args.bucketPrefix}"`,
            );
        }
        super("fargate-service:infra:AccessLogBucket", name, {}, opts);
        const account = aws.getCallerIdentityOutput({}, { parent: this });

        // The bucket itself; its settings are separate resources, as the provider manages them.
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { bucketPrefix: args.bucketPrefix, forceDestroy: args.forceDestroy },
            { parent: this },
        );
        // Objects belong to the bucket owner and ACLs are off: access is decided by the policy alone.
        const ownership = new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            { parent: this },
        );
        // Nothing in it can be made public, by ACL or by policy.
        const publicAccess = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            {
                bucket: bucket.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            { parent: this },
        );
        // SSE-S3: the only default encryption ELB's log delivery supports.
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            { parent: this },
        );
        // Old logs expire, so the bucket holds the configured window and no more.
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucket.id,
                rules: [
                    {
                        id: "expire-access-logs",
                        status: "Enabled",
                        filter: { prefix: `${accessLogPrefix}/` },
                        expiration: { days: args.retentionDays },
                    },
                ],
            },
            { parent: this },
        );
        // ELB may write this account's logs under the prefix; nobody may reach the bucket without TLS. Applied after
        // the ownership and public access settings: S3 can answer concurrent changes to one bucket with 409
        // OperationAborted (pulumi/pulumi-aws#1570, hashicorp/terraform-provider-aws#7628).
        const policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucket.id,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "LoadBalancerLogDelivery",
                            Effect: "Allow",
                            Principal: { Service: logDeliveryPrincipal },
                            Action: "s3:PutObject",
                            Resource: pulumi.interpolate`${bucket.arn}/${accessLogPrefix}/AWSLogs/${account.accountId}/*`,
                        },
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`],
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            { parent: this, dependsOn: [ownership, publicAccess] },
        );

        this.bucketName = bucket.bucket;
        this.loadBalancerAccessLogs = pulumi
            .all([bucket.bucket, policy.id])
            .apply(([bucketName]) => ({ bucket: bucketName, prefix: accessLogPrefix, enabled: true }));
        this.registerOutputs({ bucketName: this.bucketName, loadBalancerAccessLogs: this.loadBalancerAccessLogs });
    }
}
