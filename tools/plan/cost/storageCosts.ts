// What the stack stores and keeps costs: ECR images, S3 objects, and the ACM certificates, SSM parameters and
// Secrets Manager secrets it owns.
import { resourceTypes as t } from "../../resourceTypes";
import { pricedTypes as p } from "./billedTypes";
import { CostLine, fixed, resourceLine } from "./costLine";
import { textAt } from "./inputs";
import { PriceTable } from "./priceTable";
import { StackFacts } from "./stackFacts";
import { Usage } from "./taskCosts";

export function storageLines(facts: StackFacts, table: PriceTable, usage: Usage): CostLine[] {
    const repositories = facts.ofType(t.repository).map((repository) =>
        resourceLine(
            repository,
            {
                key: `ecr-storage:${repository.name}`,
                what: "ECR image storage",
                noun: "repository",
                quantity: fixed(usage.imageStorageGb),
                basis: `${usage.imageStorageGb} GB stored`,
                price: "ecrStorageGbMonth",
            },
            table,
        ),
    );
    const buckets = [...facts.ofType(p.bucket), ...facts.ofType(p.bucketV2)].map((bucket) =>
        resourceLine(
            bucket,
            {
                key: `s3-storage:${bucket.name}`,
                what: "S3 Standard storage",
                noun: "bucket",
                quantity: fixed(usage.s3StorageGbPerBucket),
                basis: `${usage.s3StorageGbPerBucket} GB stored`,
                price: "s3StandardGbMonth",
            },
            table,
        ),
    );
    return [...repositories, ...buckets];
}

/** Public ACM certificates and standard SSM parameters are free; secrets and KMS keys bill a month each. */
export function secretLines(facts: StackFacts, table: PriceTable): CostLine[] {
    const certificates = facts.ofType(p.certificate).map((certificate) =>
        resourceLine(
            certificate,
            {
                key: `acm:${certificate.name}`,
                what: "ACM public certificate (free)",
                noun: "certificate",
                quantity: fixed(1),
                basis: "1 certificate",
                price: "acmPublicCertificate",
            },
            table,
        ),
    );
    const parameters = facts.ofType(p.ssmParameter).map((parameter) => {
        const advanced = textAt(parameter.inputs, "tier") === "Advanced";
        return resourceLine(
            parameter,
            {
                key: `ssm:${parameter.name}`,
                what: advanced ? "SSM advanced parameter" : "SSM standard parameter (free)",
                noun: "parameter",
                quantity: fixed(1),
                basis: "1 parameter",
                price: advanced ? "ssmAdvancedParameterMonth" : "ssmStandardParameter",
            },
            table,
        );
    });
    const secrets = facts.ofType(p.secret).map((secret) =>
        resourceLine(
            secret,
            {
                key: `secret:${secret.name}`,
                what: "Secrets Manager secret",
                noun: "secret",
                quantity: fixed(1),
                basis: "1 secret",
                price: "secretsManagerSecretMonth",
            },
            table,
        ),
    );
    // A customer managed key bills a month each (its first year; every yearly rotation adds a month's charge).
    const keys = facts.ofType(p.kmsKey).map((key) =>
        resourceLine(
            key,
            {
                key: `kms:${key.name}`,
                what: "KMS customer managed key",
                noun: "key",
                quantity: fixed(1),
                basis: "1 key (first year)",
                price: "kmsKeyMonth",
            },
            table,
        ),
    );
    return [...certificates, ...parameters, ...secrets, ...keys];
}
