// The DomainCertificate component alone: an ACM certificate validated by DNS in the stack's hosted zone.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomainCertificate, DomainCertificateArgs } from "../../../infra/loadBalancer/domainCertificate";
import { promiseOf, tokens } from "../stackRun";
import * as aws from "@pulumi/aws";
import { declaredBy, engine } from "./unitEngine";

const baseArgs: DomainCertificateArgs = { domainName: "app.example.com", zoneId: "Z0123456789ABCDEFGHIJ" };

describe("DomainCertificate", () => {
    it("requests a certificate for exactly the domain, validated by DNS", async () => {
        const declared = await declaredBy(new DomainCertificate("request", baseArgs));
        const certificate = declared.one(tokens.certificate).inputs;
        assert.deepEqual(
            [certificate.domainName, certificate.validationMethod, certificate.subjectAlternativeNames],
            ["app.example.com", "DNS", undefined],
        );
    });

    it("writes the CNAME ACM asks for into the hosted zone, taking over one an earlier certificate left", async () => {
        const declared = await declaredBy(new DomainCertificate("record", { ...baseArgs, domainName: "example.com" }));
        const [option] = declared.one(tokens.certificate).outputs.domainValidationOptions as Record<string, string>[];
        const record = declared.one(tokens.dnsRecord).inputs;
        assert.equal(option.domainName, "example.com");
        assert.deepEqual(
            [record.zoneId, record.name, record.type, record.records, record.allowOverwrite],
            [baseArgs.zoneId, option.resourceRecordName, "CNAME", [option.resourceRecordValue], true],
        );
    });

    it("hands out the certificate only through its validation, which waits for the record", async () => {
        const component = new DomainCertificate("wait", baseArgs);
        const declared = await declaredBy(component);
        const certificate = declared.one(tokens.certificate);
        const record = declared.one(tokens.dnsRecord);
        const validation = declared.one(tokens.certificateValidation);
        assert.deepEqual(validation.inputs, {
            certificateArn: certificate.outputs.arn,
            validationRecordFqdns: [record.outputs.fqdn],
        });
        assert.ok(validation.dependencies.includes(record.urn), "the validation waits for the record");
        assert.equal(await promiseOf(component.certificateArn), certificate.outputs.arn);
        // Whatever takes the ARN (a listener) waits for the validation, not just for the request.
        new aws.ssm.Parameter("wait-consumer", { type: "String", value: component.certificateArn });
        const consumer = (await engine.settled()).find((resource) => resource.name === "wait-consumer");
        assert.ok(consumer?.dependencies.includes(validation.urn), "a consumer of the ARN waits for the validation");
    });

    it("refuses a wildcard or an empty name, naming the argument", () => {
        for (const domainName of ["", "*.example.com"]) {
            assert.throws(() => new DomainCertificate(`bad-${domainName.length}`, { ...baseArgs, domainName }), {
                message: `DomainCertificate: \`domainName\` is "${domainName}"; allowed: one name, no wildcard`,
            });
        }
    });
});
