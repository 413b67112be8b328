// The load balancer's access-log bucket (infra/loadBalancer/accessLogBucket.ts). The bucket is told apart by its
// name: it starts with fargate-service-<stack>- (bootstrap/permissions/resourceScopes.ts).
import { type ProviderCalls, changes, created, owned, reads, tags, withTags } from "./types";

const bucket = "s3:bucket";
const tf = (file: string, calls: string) => `terraform-provider-aws internal/service/${file} (${calls})`;

/** What terraform-provider-aws's aws_s3_bucket reads on every refresh (internal/service/s3/bucket.go,
 * resourceBucketRead): each bucket setting has its own Get call. */
const bucketReads = [
    "s3:ListBucket",
    "s3:GetBucketTagging",
    "s3:GetBucketPolicy",
    "s3:GetBucketAcl",
    "s3:GetBucketCORS",
    "s3:GetBucketWebsite",
    "s3:GetBucketVersioning",
    "s3:GetAccelerateConfiguration",
    "s3:GetBucketRequestPayment",
    "s3:GetBucketLogging",
    "s3:GetLifecycleConfiguration",
    "s3:GetReplicationConfiguration",
    "s3:GetEncryptionConfiguration",
    "s3:GetBucketObjectLockConfiguration",
].map((action) => reads(action, "create read update", owned(bucket)));

/** A bucket sub-resource: one Put, one Get, and (but for ownership and public access) a Delete. */
const bucketSetting = (type: string, file: string, put: string, get: string, remove?: string): ProviderCalls => ({
    type,
    source: tf(`s3/${file}`, `Create and Update: ${put}; Read: ${get}${remove ? `; Delete: ${remove}` : ""}`),
    calls: [
        changes(`s3:${put}`, "create update", owned(bucket)),
        reads(`s3:${get}`, "create read update", owned(bucket)),
        ...(remove ? [changes(`s3:${remove}`, "delete", owned(bucket))] : []),
    ],
});

export const accessLogCalls: ProviderCalls[] = [
    {
        type: "aws:s3/bucket:Bucket",
        source: tf(
            "s3/bucket.go",
            "Create: CreateBucket, then PutBucketTagging; Read: one Get per bucket setting; Delete: DeleteBucket",
        ),
        calls: [
            withTags(changes("s3:CreateBucket", "create", created(bucket))),
            tags("s3:PutBucketTagging", "create update", owned(bucket)),
            ...bucketReads,
            changes("s3:DeleteBucket", "delete", owned(bucket)),
        ],
    },
    bucketSetting(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "bucket_public_access_block.go",
        "PutBucketPublicAccessBlock",
        "GetBucketPublicAccessBlock",
    ),
    bucketSetting(
        "aws:s3/bucketPolicy:BucketPolicy",
        "bucket_policy.go",
        "PutBucketPolicy",
        "GetBucketPolicy",
        "DeleteBucketPolicy",
    ),
    bucketSetting(
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        "bucket_lifecycle_configuration.go",
        "PutLifecycleConfiguration",
        "GetLifecycleConfiguration",
        "PutLifecycleConfiguration",
    ),
    bucketSetting(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "bucket_server_side_encryption_configuration.go",
        "PutEncryptionConfiguration",
        "GetEncryptionConfiguration",
        "PutEncryptionConfiguration",
    ),
    bucketSetting(
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "bucket_ownership_controls.go",
        "PutBucketOwnershipControls",
        "GetBucketOwnershipControls",
        "PutBucketOwnershipControls",
    ),
];
