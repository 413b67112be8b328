// Types the stack is about to declare for its domain, HTTPS and access logs, mapped ahead by type token so that each
// is checked from its first plan: acm (2015-12-08), route53 (2013-04-01), s3 (2006-03-01).
import { ApiMapping, tagList } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/";

/** A member of the one record set that ChangeResourceRecordSets upserts (expandResourceRecordSet). */
const recordSet = (member: string) => `ChangeBatch.Changes[].ResourceRecordSet.${member}`;

export const edgeMappings: Readonly<Record<string, ApiMapping>> = {
    "aws:acm/certificate:Certificate": {
        service: "acm",
        source: `${source}acm/certificate.go: resourceCertificateCreate (RequestCertificate)`,
        inputs: {
            domainName: { operation: "RequestCertificate", member: "DomainName" },
            subjectAlternativeNames: { operation: "RequestCertificate", member: "SubjectAlternativeNames" },
            validationMethod: { operation: "RequestCertificate", member: "ValidationMethod" },
            keyAlgorithm: { operation: "RequestCertificate", member: "KeyAlgorithm" },
            certificateAuthorityArn: { operation: "RequestCertificate", member: "CertificateAuthorityArn" },
            options: { operation: "RequestCertificate", member: "Options" },
            tags: { operation: "RequestCertificate", member: "Tags", toApi: tagList },
        },
    },
    "aws:acm/certificateValidation:CertificateValidation": {
        service: "acm",
        source: `${source}acm/certificate_validation.go: waits on DescribeCertificate until the certificate is issued`,
        inputs: {
            certificateArn: { operation: "DescribeCertificate", member: "CertificateArn" },
            validationRecordFqdns: { notSent: "compared by the provider with the certificate's validation records" },
        },
    },
    "aws:route53/record:Record": {
        service: "route53",
        source: `${source}route53/record.go: resourceRecordCreate (ChangeResourceRecordSets UPSERT), expandResourceRecordSet`,
        inputs: {
            zoneId: { operation: "ChangeResourceRecordSets", member: "HostedZoneId" },
            name: { operation: "ChangeResourceRecordSets", member: recordSet("Name") },
            type: { operation: "ChangeResourceRecordSets", member: recordSet("Type") },
            ttl: { operation: "ChangeResourceRecordSets", member: recordSet("TTL") },
            records: {
                operation: "ChangeResourceRecordSets",
                member: recordSet("ResourceRecords"),
                toApi: (records) => (records as string[]).map((Value) => ({ Value })),
            },
            aliases: {
                operation: "ChangeResourceRecordSets",
                member: recordSet("AliasTarget"),
                toApi: (aliases) => {
                    const [alias] = aliases as { name: string; zoneId: string; evaluateTargetHealth: boolean }[];
                    return {
                        DNSName: alias.name,
                        HostedZoneId: alias.zoneId,
                        EvaluateTargetHealth: alias.evaluateTargetHealth,
                    };
                },
            },
            setIdentifier: { operation: "ChangeResourceRecordSets", member: recordSet("SetIdentifier") },
            healthCheckId: { operation: "ChangeResourceRecordSets", member: recordSet("HealthCheckId") },
            allowOverwrite: { notSent: "decides CREATE or UPSERT; both are the same call" },
        },
    },
    "aws:s3/bucket:Bucket": {
        service: "s3",
        source: `${source}s3/bucket.go: resourceBucketCreate (CreateBucket, PutBucketTagging)`,
        autoNamed: "bucket",
        inputs: {
            bucket: { operation: "CreateBucket", member: "Bucket" },
            objectLockEnabled: { operation: "CreateBucket", member: "ObjectLockEnabledForBucket" },
            forceDestroy: { notSent: "makes the provider empty the bucket before DeleteBucket" },
            tags: { operation: "PutBucketTagging", member: "Tagging.TagSet", toApi: tagList },
        },
    },
    "aws:s3/bucketPolicy:BucketPolicy": {
        service: "s3",
        source: `${source}s3/bucket_policy.go: resourceBucketPolicyPut (PutBucketPolicy)`,
        inputs: {
            bucket: { operation: "PutBucketPolicy", member: "Bucket" },
            policy: { operation: "PutBucketPolicy", member: "Policy" },
        },
    },
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": {
        service: "s3",
        source: `${source}s3/bucket_public_access_block.go: create (PutPublicAccessBlock)`,
        inputs: {
            bucket: { operation: "PutPublicAccessBlock", member: "Bucket" },
            blockPublicAcls: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.BlockPublicAcls",
            },
            blockPublicPolicy: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.BlockPublicPolicy",
            },
            ignorePublicAcls: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.IgnorePublicAcls",
            },
            restrictPublicBuckets: {
                operation: "PutPublicAccessBlock",
                member: "PublicAccessBlockConfiguration.RestrictPublicBuckets",
            },
        },
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        service: "s3",
        source: `${source}s3/bucket_server_side_encryption_configuration.go: create (PutBucketEncryption)`,
        renames: {
            applyServerSideEncryptionByDefault: "ApplyServerSideEncryptionByDefault",
            kmsMasterKeyId: "KMSMasterKeyID",
        },
        inputs: {
            bucket: { operation: "PutBucketEncryption", member: "Bucket" },
            rules: { operation: "PutBucketEncryption", member: "ServerSideEncryptionConfiguration.Rules" },
        },
    },
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": {
        service: "s3",
        source: `${source}s3/bucket_lifecycle_configuration.go: create (PutBucketLifecycleConfiguration)`,
        inputs: {
            bucket: { operation: "PutBucketLifecycleConfiguration", member: "Bucket" },
            rules: { operation: "PutBucketLifecycleConfiguration", member: "LifecycleConfiguration.Rules" },
        },
    },
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": {
        service: "s3",
        source: `${source}s3/bucket_ownership_controls.go: create (PutBucketOwnershipControls)`,
        inputs: {
            bucket: { operation: "PutBucketOwnershipControls", member: "Bucket" },
            rule: {
                operation: "PutBucketOwnershipControls",
                member: "OwnershipControls.Rules",
                toApi: (rule) => [rule],
            },
        },
    },
};
