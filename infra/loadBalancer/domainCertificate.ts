// A public certificate for the stack's own domain, issued by ACM once the DNS validation record is in the zone.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DomainCertificateArgs {
    /** Plain value: each name on the certificate gets a validation record, so the names must be known up front. */
    domainName: string;
    /** The Route 53 public hosted zone that holds the domain, where ACM looks for the validation record. */
    zoneId: pulumi.Input<string>;
}

export class DomainCertificate extends pulumi.ComponentResource {
    /** Resolves only once ACM has issued the certificate: a listener cannot serve one still pending validation. */
    public readonly certificateArn: pulumi.Output<string>;

    constructor(name: string, args: DomainCertificateArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:DomainCertificate", name, {}, opts);
        if (args.domainName === "" || args.domainName.startsWith("*.")) {
            throw new Error(
                `DomainCertificate: \`domainName\` is "${args.domainName}"; allowed: one name, no wildcard`,
            );
        }

        // DNS validation: ACM renews the certificate by itself for as long as the validation record stays.
        const certificate = new aws.acm.Certificate(
            `${name}-cert`,
            {
                domainName: args.domainName,
                validationMethod: "DNS",
                tags: { Name: args.domainName },
            },
            { parent: this },
        );

        // The CNAME ACM asks for, one per name on the certificate. ACM gives every certificate for a name the same
        // record, so a certificate that replaces an earlier one takes over its record instead of failing on it.
        const option = certificate.domainValidationOptions.apply((options) => {
            const match = options.find((candidate) => candidate.domainName === args.domainName);
            if (match === undefined) {
                throw new Error(`ACM returned no DNS validation option for ${args.domainName}`);
            }
            return match;
        });
        const validationRecord = new aws.route53.Record(
            `${name}-validation-record`,
            {
                zoneId: args.zoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
                allowOverwrite: true,
            },
            { parent: this },
        );

        // Waits (up to the provider's 75 minutes) until ACM has seen the record and issued the certificate.
        const validation = new aws.acm.CertificateValidation(
            `${name}-validation`,
            { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn] },
            { parent: this },
        );

        this.certificateArn = validation.certificateArn;
        this.registerOutputs({ certificateArn: this.certificateArn });
    }
}
