// Configuration rules: every bad value is rejected with a message naming the key, the value and what is allowed.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import {
    ConfigError,
    configDefaults,
    ConfigValues,
    parseSettings,
    StackSettings,
} from "../../infra/config/stackSettings";
import { subnetLayout } from "../../infra/config/subnetLayout";
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { projectRoot, testImageTag } from "./stackRun";

const ciEnvironment = { GITHUB_SHA: testImageTag };

/**
 * Most cases check one key, so they start from a stack that may serve plain HTTP (a protected stack must serve
 * HTTPS, which "HTTPS on the stack's own domain" below checks); a case that sets deletionProtection gets its value.
 */
const plainHttpStack: Record<string, string> = { deletionProtection: "false" };

function parse(values: Record<string, string>, env: Record<string, string> = ciEnvironment): StackSettings {
    const all = { ...plainHttpStack, ...values };
    return parseSettings((key) => all[key], env, "fargate-service");
}

/** The message parseSettings rejects `values` with. */
function rejection(values: Record<string, string>, env: Record<string, string> = ciEnvironment): string {
    try {
        parse(values, env);
    } catch (error) {
        assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
        return error.message;
    }
    throw new Error(`${JSON.stringify(values)} was accepted`);
}

function assertRejected(values: Record<string, string>, expected: string, env?: Record<string, string>): void {
    assert.equal(rejection(values, env), `Invalid configuration: ${expected}`);
}

interface Declaration {
    type?: string;
    description?: string;
    default?: unknown;
}

describe("configuration defaults", () => {
    const declared = (
        yaml.load(fs.readFileSync(path.join(projectRoot, "Pulumi.yaml"), "utf8")) as {
            config: Record<string, Declaration>;
        }
    ).config;
    const projectKeys = Object.keys(declared).filter((key) => !key.includes(":"));

    it("Pulumi.yaml declares every key the program reads, with a type, a description and the program's default", () => {
        assert.deepEqual([...projectKeys].sort(), Object.keys(configDefaults).sort());
        for (const [key, value] of Object.entries(configDefaults)) {
            const declaration = declared[key];
            const expectedType = typeof value === "number" ? "integer" : typeof value;
            assert.equal(declaration.type, expectedType, `${key}'s type`);
            assert.match(declaration.description ?? "", /\w+ \w+ \w+/, `${key}'s description`);
            assert.deepEqual(declaration.default, value, `${key}'s default`);
        }
    });

    it("unset keys take the defaults (with a domain, which the default deletion protection requires)", () => {
        const domain = { domainName: "app.example.com", hostedZoneName: "example.com" };
        const settings = parseSettings((key) => domain[key as keyof typeof domain], ciEnvironment, "fargate-service");
        assert.deepEqual(settings, {
            ...configDefaults,
            ...domain,
            imageTag: testImageTag,
            platform: { docker: "linux/amd64", ecsCpuArchitecture: "X86_64" },
            dedicatedVpc: undefined,
            https: { domain: { name: "app.example.com", zoneName: "example.com" } },
            accessLogging: { retentionDays: 90, deleteWithStack: false },
            webAcl: undefined,
            containerSecrets: { references: [], owned: [], kmsKeyArn: undefined },
        });
    });

    for (const stack of ["dev", "prod"]) {
        it(`Pulumi.${stack}.yaml sets only declared keys, to accepted values that differ from the defaults`, () => {
            const stackFile = yaml.load(fs.readFileSync(path.join(projectRoot, `Pulumi.${stack}.yaml`), "utf8")) as {
                config: Record<string, unknown>;
            };
            const ownKeys = Object.keys(stackFile.config).filter((key) => key.startsWith("fargate-service:"));
            assert.ok(ownKeys.length > 0);
            const config = loadStackConfig(projectRoot, stack).config;
            const settings = parseSettings((key) => config[`fargate-service:${key}`], ciEnvironment, "fargate-service");
            for (const key of ownKeys) {
                const name = key.slice("fargate-service:".length) as keyof ConfigValues;
                assert.ok(name in configDefaults, `${key} is declared in Pulumi.yaml`);
                assert.notDeepEqual(settings[name], configDefaults[name], `${key} repeats the default`);
            }
        });
    }
});

describe("imageTag", () => {
    it("accepts a configured commit SHA, short or full, and a plain tag such as v1.4.2", () => {
        assert.equal(parse({ imageTag: "3f2a1b0" }, {}).imageTag, "3f2a1b0");
        assert.equal(parse({ imageTag: testImageTag }, {}).imageTag, testImageTag);
        assert.equal(parse({ imageTag: "v1.4.2" }, {}).imageTag, "v1.4.2");
    });

    it("falls back to GITHUB_SHA, then CI_COMMIT_SHA, when config leaves it empty", () => {
        assert.equal(parse({ imageTag: "" }, { GITHUB_SHA: "aaaaaaa", CI_COMMIT_SHA: "bbbbbbb" }).imageTag, "aaaaaaa");
        assert.equal(parse({}, { GITHUB_SHA: "", CI_COMMIT_SHA: "bbbbbbb" }).imageTag, "bbbbbbb");
        assert.equal(parse({ imageTag: "ccccccc" }, { GITHUB_SHA: "aaaaaaa" }).imageTag, "ccccccc");
    });

    it("is required: unset with no CI commit variable, the message says how to set it", () => {
        assertRejected(
            {},
            '`fargate-service:imageTag` is ""; allowed: a git commit SHA (7 to 40 lowercase hex digits) or a ' +
                "Docker tag of letters, digits and _ . - other than latest; set it with pulumi config set imageTag " +
                '"$(git rev-parse HEAD)", or run where GITHUB_SHA or CI_COMMIT_SHA is set',
            {},
        );
    });

    it("is never latest, in any case", () => {
        for (const tag of ["latest", "LATEST"]) {
            assert.match(
                rejection({ imageTag: tag }),
                new RegExp(
                    `^Invalid configuration: \`fargate-service:imageTag\` is "${tag}"; allowed: .* other than latest$`,
                ),
            );
        }
    });

    it("rejects characters a Docker tag cannot hold", () => {
        assert.match(
            rejection({ imageTag: "feature/login" }),
            /`fargate-service:imageTag` is "feature\/login"; allowed: a git commit SHA/,
        );
        assert.match(rejection({ imageTag: ".hidden" }), /is "\.hidden"; allowed/);
    });

    it("names the CI variable when the value came from there", () => {
        assert.match(
            rejection({}, { GITHUB_SHA: "refs/heads/main" }),
            /`fargate-service:imageTag` is not set and GITHUB_SHA is "refs\/heads\/main"; allowed: a git commit SHA/,
        );
    });
});

describe("task size", () => {
    it("rejects a CPU size Fargate does not offer", () => {
        assertRejected(
            { cpu: "300" },
            '`fargate-service:cpu` is "300"; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384 (Fargate task CPU units)',
        );
    });

    it("rejects memory that Fargate does not pair with the CPU size, quoting the sizes it does", () => {
        assertRejected(
            { cpu: "256", memory: "4096" },
            '`fargate-service:memory` is "4096"; with cpu 256 Fargate allows memory 512, 1024 or 2048 (MiB)',
        );
        assertRejected(
            { cpu: "512", memory: "512" },
            '`fargate-service:memory` is "512"; with cpu 512 Fargate allows memory 1024, 2048, 3072 or 4096 (MiB)',
        );
        assertRejected(
            { cpu: "4096", memory: "4096" },
            '`fargate-service:memory` is "4096"; with cpu 4096 Fargate allows memory 8192 to 30720 in steps of 1024 (MiB)',
        );
    });

    it("accepts every size in Fargate's table", () => {
        assert.deepEqual(
            [parse({ cpu: "8192", memory: "61440" }).memory, parse({ cpu: "16384", memory: "32768" }).memory],
            [61440, 32768],
        );
    });

    it("rejects a value that is not an integer", () => {
        assertRejected({ memory: "1GB" }, '`fargate-service:memory` is "1GB"; allowed: an integer from 512 to 122880');
        assertRejected(
            { memory: "1024.5" },
            '`fargate-service:memory` is "1024.5"; allowed: an integer from 512 to 122880',
        );
    });

    it("accepts only x86_64 or arm64", () => {
        assertRejected(
            { architecture: "amd64" },
            '`fargate-service:architecture` is "amd64"; allowed: x86_64 or arm64',
        );
    });
});

describe("task counts", () => {
    it("requires minCount <= desiredCount <= maxCount", () => {
        assertRejected(
            { desiredCount: "5", maxCount: "3" },
            '`fargate-service:desiredCount` is "5"; allowed: from minCount (1) to maxCount (3), as minCount <= desiredCount <= maxCount',
        );
        assertRejected(
            { minCount: "4", desiredCount: "4", maxCount: "3" },
            '`fargate-service:minCount` is "4"; allowed: at most maxCount (3)',
        );
        assert.deepEqual(parse({ desiredCount: "2", minCount: "2", maxCount: "6" }).maxCount, 6);
    });

    it("runs at least one and at most 100 tasks", () => {
        assertRejected(
            { desiredCount: "0" },
            '`fargate-service:desiredCount` is "0"; allowed: an integer from 1 to 100',
        );
        assertRejected({ maxCount: "500" }, '`fargate-service:maxCount` is "500"; allowed: an integer from 1 to 100');
    });

    it("keeps scaling targets in range", () => {
        assertRejected(
            { cpuTargetPercent: "95" },
            '`fargate-service:cpuTargetPercent` is "95"; allowed: an integer from 10 to 90',
        );
        assertRejected(
            { requestsPerTarget: "0" },
            '`fargate-service:requestsPerTarget` is "0"; allowed: an integer from 1 to 1000000',
        );
    });
});

describe("ports and health check", () => {
    it("keeps the container port between 1024 and 65535, as the service runs as a non-root user", () => {
        assertRejected(
            { containerPort: "80" },
            '`fargate-service:containerPort` is "80"; allowed: an integer from 1024 to 65535 (the service runs as a non-root user)',
        );
        assertRejected(
            { containerPort: "70000" },
            '`fargate-service:containerPort` is "70000"; allowed: an integer from 1024 to 65535 (the service runs as a non-root user)',
        );
    });

    it("requires a health path that starts with /", () => {
        const allowed = "allowed: a path that starts with / and holds only letters, digits and - _ . ~ /";
        assertRejected({ healthCheckPath: "health" }, `\`fargate-service:healthCheckPath\` is "health"; ${allowed}`);
        assertRejected(
            { healthCheckPath: "/health?deep=1" },
            `\`fargate-service:healthCheckPath\` is "/health?deep=1"; ${allowed}`,
        );
        assert.equal(parse({ healthCheckPath: "/healthz/ready" }).healthCheckPath, "/healthz/ready");
    });

    it("keeps the deregistration delay within AWS's 0 to 3600 s", () => {
        assertRejected(
            { deregistrationDelaySeconds: "4000" },
            '`fargate-service:deregistrationDelaySeconds` is "4000"; allowed: an integer from 0 to 3600',
        );
        assert.equal(parse({ deregistrationDelaySeconds: "0" }).deregistrationDelaySeconds, 0);
    });
});

describe("logs", () => {
    it("accepts only retention periods CloudWatch Logs accepts", () => {
        assertRejected(
            { logRetentionDays: "10" },
            '`fargate-service:logRetentionDays` is "10"; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, ' +
                "150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 (retention periods CloudWatch Logs accepts)",
        );
    });

    it("accepts only ASP.NET Core log levels", () => {
        assertRejected(
            { logLevel: "verbose" },
            '`fargate-service:logLevel` is "verbose"; allowed: Trace, Debug, Information, Warning, Error, Critical or None',
        );
    });
});

describe("network", () => {
    it("accepts only the default or a dedicated VPC", () => {
        assertRejected({ vpc: "shared" }, '`fargate-service:vpc` is "shared"; allowed: default or dedicated');
    });

    it("requires a private /16 to /24 network address for the dedicated VPC", () => {
        const allowed =
            "allowed: a private IPv4 network (inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) from /16 to /24 " +
            "with no host bits set, e.g. 10.0.0.0/16";
        for (const cidr of ["10.0.0.1/16", "8.8.0.0/16", "10.0.0.0/8", "10.0.0.0/28", "10.0.0.0", "300.0.0.0/16"]) {
            assertRejected({ vpcCidr: cidr }, `\`fargate-service:vpcCidr\` is "${cidr}"; ${allowed}`);
        }
        assert.equal(parse({ vpcCidr: "172.20.0.0/20" }).vpcCidr, "172.20.0.0/20");
    });

    it("spans two to six availability zones", () => {
        assertRejected(
            { availabilityZones: "1" },
            '`fargate-service:availabilityZones` is "1"; allowed: an integer from 2 to 6',
        );
    });
});

describe("the dedicated VPC's cost levers", () => {
    const dedicated = { vpc: "dedicated" };

    it("accepts only awsx's NAT strategies and the three sets of endpoints", () => {
        assertRejected(
            { ...dedicated, natGateways: "perZone" },
            '`fargate-service:natGateways` is "perZone"; allowed: none, single or onePerAz',
        );
        assertRejected(
            { ...dedicated, vpcEndpoints: "ecr" },
            '`fargate-service:vpcEndpoints` is "ecr"; allowed: none, s3 or all',
        );
    });

    it("refuses private subnets without a NAT gateway unless every endpoint a task needs exists", () => {
        for (const vpcEndpoints of ["none", "s3"]) {
            assertRejected(
                { ...dedicated, natGateways: "none", vpcEndpoints },
                `\`fargate-service:natGateways\` is "none"; with \`fargate-service:vpcEndpoints\` "${vpcEndpoints}" tasks ` +
                    "in the private subnets could neither pull their image (ECR api, ECR dkr, S3), read their secrets " +
                    "(SSM, Secrets Manager) nor ship their logs (CloudWatch Logs); allowed: single or onePerAz, or none " +
                    "with `fargate-service:vpcEndpoints` all",
            );
        }
        assert.equal(parse({ ...dedicated, natGateways: "single", vpcEndpoints: "none" }).natGateways, "single");
    });

    it("applies to the dedicated VPC only: the default VPC's tasks have public IPs", () => {
        assert.equal(parse({ natGateways: "none", vpcEndpoints: "none" }).dedicatedVpc, undefined);
    });

    it("decides awsx's NAT strategy and the endpoints from the keys", () => {
        const decided = (natGateways: string, vpcEndpoints: string) => {
            const vpc = parse({ ...dedicated, natGateways, vpcEndpoints }).dedicatedVpc;
            return [vpc?.natGateways, vpc?.s3GatewayEndpoint, vpc?.interfaceEndpoints];
        };
        assert.deepEqual(decided("none", "all"), ["None", true, ["ecr.api", "ecr.dkr", "logs"]]);
        assert.deepEqual(decided("single", "s3"), ["Single", true, []]);
        assert.deepEqual(decided("onePerAz", "none"), ["OnePerAz", false, []]);
    });
});

describe("the dedicated VPC's size (issue 11, finding 8)", () => {
    const dedicated = { vpc: "dedicated" };

    it("refuses a block whose private subnets cannot hold a deployment of maxCount tasks, naming the smallest that fits", () => {
        assertRejected(
            { ...dedicated, vpcCidr: "10.0.0.0/24", maxCount: "30", desiredCount: "1" },
            '`fargate-service:vpcCidr` is "10.0.0.0/24"; with availabilityZones 2 and maxCount 30 each private subnet ' +
                "would be a /26 with 59 usable addresses, but a deployment needs 63 (60 tasks: maxCount 30 at 200 %, " +
                "and 3 endpoint interfaces); the smallest block that fits is a /23, such as 10.0.0.0/23",
        );
    });

    it("refuses a block whose public subnets are smaller than a load balancer's /27", () => {
        assertRejected(
            { ...dedicated, vpcCidr: "192.168.4.0/24", availabilityZones: "3" },
            '`fargate-service:vpcCidr` is "192.168.4.0/24"; with availabilityZones 3 and maxCount 1 each public ' +
                "subnet would be a /28, but an Application Load Balancer needs a /27 or larger with 8 free addresses; " +
                "the smallest block that fits is a /23, such as 192.168.4.0/23",
        );
    });

    it("names both shortfalls in one line when both subnets are too small", () => {
        assert.match(
            rejection({ ...dedicated, vpcCidr: "10.1.0.0/24", availabilityZones: "5", maxCount: "20" }),
            /^Invalid configuration: `fargate-service:vpcCidr` is "10\.1\.0\.0\/24"; with availabilityZones 5 and maxCount 20 each private subnet would be a \/28 with 11 usable addresses, but a deployment needs 43 .*, and each public subnet would be a \/29, .*; the smallest block that fits is a \/22, such as 10\.1\.0\.0\/22$/,
        );
    });

    it("accepts the smallest block it names, and counts endpoint interfaces only when there are endpoints", () => {
        assert.equal(parse({ ...dedicated, vpcCidr: "10.0.0.0/23", maxCount: "30" }).vpcCidr, "10.0.0.0/23");
        // 59 addresses hold 58 tasks with no endpoints (NAT gateways instead), not with three endpoint interfaces.
        const nat = { ...dedicated, vpcCidr: "10.0.0.0/24", natGateways: "single", vpcEndpoints: "s3" };
        assert.equal(parse({ ...nat, maxCount: "29" }).maxCount, 29);
        assert.match(rejection({ ...nat, maxCount: "30" }), /needs 60 \(60 tasks: maxCount 30 at 200 %\)/);
    });

    it("sizes subnets as awsx's Auto strategy lays them out, checked against awsx's own test of that layout", () => {
        // pulumi-awsx awsx/ec2/subnetDistributorNew.test.ts, "should preserve default layout semantics": 10.0.0.0/16
        // over us-east-1a and us-east-1b is Private 10.0.0.0/18, Public 10.0.64.0/19, Private 10.0.128.0/18,
        // Public 10.0.192.0/19. Each zone's share starts where the last ended; in it, the specs follow in order.
        const layout = subnetLayout(16, 2);
        const block = (offset: number, prefix: number) => `10.0.${offset / 256}.0/${prefix}`;
        const zoneSize = 2 ** (32 - layout.zonePrefix);
        const carved = [0, 1].flatMap((zone) => [
            block(zone * zoneSize, layout.privatePrefix),
            block(zone * zoneSize + 2 ** (32 - layout.privatePrefix), layout.publicPrefix),
        ]);
        assert.deepEqual(carved, ["10.0.0.0/18", "10.0.64.0/19", "10.0.128.0/18", "10.0.192.0/19"]);
        assert.deepEqual(subnetLayout(24, 3), { zonePrefix: 26, privatePrefix: 27, publicPrefix: 28 });
    });

    it("does not size the block of a stack that runs in the default VPC", () => {
        assert.equal(parse({ vpcCidr: "10.0.0.0/24", maxCount: "100" }).maxCount, 100);
    });
});

describe("flags and ARNs", () => {
    it("reads booleans only as true or false", () => {
        assertRejected(
            { deletionProtection: "yes" },
            '`fargate-service:deletionProtection` is "yes"; allowed: true or false',
        );
        assert.equal(parse({ forceDeleteRepository: "true", buildImage: "false" }).buildImage, false);
    });

    it("requires a certificate ARN to look like an ACM certificate ARN; empty means HTTP only", () => {
        assert.equal(parse({ certificateArn: "" }).certificateArn, "");
        assert.match(
            rejection({ certificateArn: "arn:aws:acm:us-east-1:123:certificate/abc" }),
            /^Invalid configuration: `fargate-service:certificateArn` is "arn:aws:acm:us-east-1:123:certificate\/abc"; allowed: empty for HTTP only, or an ACM certificate ARN such as arn:aws:acm:/,
        );
        assert.match(
            rejection({ certificateArn: "arn:aws:iam::123456789012:server-certificate/web" }),
            /`fargate-service:certificateArn`/,
        );
    });

    it("refuses the retired build cache source, which would change nothing, in one line naming the key", () => {
        const reference = `123456789012.dkr.ecr.us-east-1.amazonaws.com/fargate-service-dev@sha256:${"0".repeat(64)}`;
        assertRejected(
            { cacheFromImage: reference },
            "`fargate-service:cacheFromImage` is no longer read (the image build now caches every stage in the " +
                "stack's own cache repository by itself); remove it from the stack's configuration",
        );
        assertRejected(
            { cacheFromImage: "" },
            "`fargate-service:cacheFromImage` is no longer read (the image build now caches every stage in the " +
                "stack's own cache repository by itself); remove it from the stack's configuration",
        );
    });

    it("requires an IAM path and a policy ARN for the task roles' placement", () => {
        assertRejected(
            { iamRolePath: "fargate" },
            '`fargate-service:iamRolePath` is "fargate"; allowed: an IAM path: / or /name/ (printable ASCII, starting and ending with /)',
        );
        assert.match(
            rejection({ permissionsBoundaryArn: "workload-boundary" }),
            /`fargate-service:permissionsBoundaryArn` is "workload-boundary"; allowed: empty for none, or an IAM policy ARN/,
        );
        assert.equal(
            parse({ iamRolePath: "/teams/web/", permissionsBoundaryArn: "arn:aws:iam::123456789012:policy/boundary" })
                .iamRolePath,
            "/teams/web/",
        );
    });
});

describe("reporting", () => {
    it("lists every bad value in one error, one per line", () => {
        assert.equal(
            rejection({ cpu: "100", logLevel: "loud", vpc: "x" }),
            [
                "Invalid configuration:",
                '  - `fargate-service:cpu` is "100"; allowed: 256, 512, 1024, 2048, 4096, 8192 or 16384 (Fargate task CPU units)',
                '  - `fargate-service:logLevel` is "loud"; allowed: Trace, Debug, Information, Warning, Error, Critical or None',
                '  - `fargate-service:vpc` is "x"; allowed: default or dedicated',
            ].join("\n"),
        );
    });

    it("raises a RunError, which the Pulumi CLI prints without a stack trace", () => {
        assert.throws(
            () => parse({ cpu: "1" }),
            (error: unknown) => error instanceof pulumi.RunError,
        );
    });
});

describe("decisions that follow from configuration", () => {
    it("maps architecture to the image's Docker platform and the tasks' ECS CPU architecture together", () => {
        assert.deepEqual(parse({ architecture: "arm64" }).platform, {
            docker: "linux/arm64",
            ecsCpuArchitecture: "ARM64",
        });
        assert.deepEqual(parse({ architecture: "x86_64" }).platform, {
            docker: "linux/amd64",
            ecsCpuArchitecture: "X86_64",
        });
    });

    it("turns HTTPS on exactly when a certificate is configured", () => {
        const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
        assert.deepEqual(parse({ certificateArn }).https, { certificateArn });
        assert.equal(parse({ certificateArn }).https?.domain, undefined);
        assert.equal(parse({ certificateArn: "" }).https, undefined);
        assert.equal(parse({}).https, undefined);
    });
});

const certificateInRegion = (region: string) =>
    `arn:aws:acm:${region}:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef`;

describe("HTTPS on the stack's own domain", () => {
    it("serves a domain of the zone over HTTPS, names lower case without the final dot, the apex too", () => {
        assert.deepEqual(parse({ domainName: "App.Example.com.", hostedZoneName: "example.com" }).https, {
            domain: { name: "app.example.com", zoneName: "example.com" },
        });
        assert.deepEqual(parse({ domainName: "example.com", hostedZoneName: "example.com" }).https?.domain, {
            name: "example.com",
            zoneName: "example.com",
        });
    });

    it("refuses a domain outside the hosted zone, in one line", () => {
        assertRejected(
            { domainName: "app.example.org", hostedZoneName: "example.com" },
            '`fargate-service:domainName` is "app.example.org"; it is not in the hosted zone ' +
                "`fargate-service:hostedZoneName` example.com; allowed: example.com or a name ending in .example.com",
        );
        assert.match(
            rejection({ domainName: "badexample.com", hostedZoneName: "example.com" }),
            /is "badexample\.com"; it is not in the hosted zone/,
        );
    });

    it("needs the zone with the domain, and the domain with the zone", () => {
        assertRejected(
            { domainName: "app.example.com" },
            '`fargate-service:hostedZoneName` is ""; allowed: the Route 53 public hosted zone that holds ' +
                "app.example.com, e.g. its parent",
        );
        assertRejected(
            { hostedZoneName: "example.com" },
            '`fargate-service:domainName` is ""; allowed: a name in the hosted zone example.com ' +
                "(`fargate-service:hostedZoneName`), or both keys empty",
        );
    });

    it("accepts only DNS names, and for a certificate ACM issues, 64 characters at most", () => {
        assert.match(
            rejection({ domainName: "app_1.example.com", hostedZoneName: "example.com" }),
            /^Invalid configuration: `fargate-service:domainName` is "app_1\.example\.com"; allowed: a DNS name such as/,
        );
        const long = `${"a".repeat(60)}.example.com`;
        assert.match(
            rejection({ domainName: long, hostedZoneName: "example.com" }),
            /allowed: at most 64 characters for a certificate ACM issues \(RFC 5280's limit for the Common Name\); bring a certificate with `fargate-service:certificateArn` for a longer name$/,
        );
        const certificateArn = certificateInRegion("us-east-1");
        assert.deepEqual(parse({ domainName: long, hostedZoneName: "example.com", certificateArn }).https, {
            certificateArn,
            domain: { name: long, zoneName: "example.com" },
        });
    });

    it("refuses a certificate from another region than aws:region, in one line", () => {
        const certificateArn = certificateInRegion("eu-west-1");
        const expected =
            "`fargate-service:certificateArn` is in eu-west-1 but the stack deploys to us-east-1 (`aws:region`); " +
            "allowed: an ACM certificate in us-east-1, as a load balancer uses certificates of its own region only";
        const values: Record<string, string> = { ...plainHttpStack, certificateArn };
        const read = (key: string) => values[key];
        assert.throws(() => parseSettings(read, ciEnvironment, "fargate-service", { region: "us-east-1" }), {
            message: `Invalid configuration: ${expected}`,
        });
        // Without aws:region the provider takes AWS_REGION, and so does the check.
        assert.throws(() => parseSettings(read, { ...ciEnvironment, AWS_REGION: "us-east-1" }, "fargate-service"), {
            message: `Invalid configuration: ${expected}`,
        });
        assert.equal(
            parseSettings(read, ciEnvironment, "fargate-service", { region: "eu-west-1" }).https?.certificateArn,
            certificateArn,
        );
    });

    it("refuses a protected (prod) stack without HTTPS, saying which key to set; dev may serve plain HTTP", () => {
        assertRejected(
            { deletionProtection: "true" },
            "`fargate-service:domainName` and `fargate-service:certificateArn` are both empty, but a stack with " +
                "`fargate-service:deletionProtection` true must serve HTTPS; set domainName and hostedZoneName " +
                "(or certificateArn), or deletionProtection false for a plain-HTTP stack such as dev",
        );
        assert.ok(parse({ deletionProtection: "true", certificateArn: certificateInRegion("us-east-1") }).https);
        assert.ok(
            parse({ deletionProtection: "true", domainName: "app.example.com", hostedZoneName: "example.com" }).https,
        );
        assert.equal(parse({ deletionProtection: "false" }).https, undefined);
    });
});

describe("secrets", () => {
    const parameterArn = "arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key";
    const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
    const secretsOf = (mapping: Record<string, string>) => ({ secrets: JSON.stringify(mapping) });

    it("maps variables to parameters and secrets, sorted, granting the secret's own ARN for a JSON key", () => {
        const settings = parse(secretsOf({ DB_PASSWORD: `${secretArn}:password::`, API_KEY: parameterArn }));
        assert.deepEqual(settings.containerSecrets, {
            references: [
                { name: "API_KEY", valueFrom: parameterArn, store: "ssm", resourceArn: parameterArn },
                {
                    name: "DB_PASSWORD",
                    valueFrom: `${secretArn}:password::`,
                    store: "secretsmanager",
                    resourceArn: secretArn,
                },
            ],
            owned: [],
            kmsKeyArn: undefined,
        });
    });

    it("refuses a Secrets Manager ARN without the suffix Secrets Manager adds, in one line", () => {
        const partial = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db";
        assertRejected(
            secretsOf({ DB_PASSWORD: partial }),
            `\`fargate-service:secrets.DB_PASSWORD\` is "${partial}"; allowed: a secret's full ARN, which ends in the ` +
                "6 characters Secrets Manager adds to the name (…:secret:<name>-AbCdEf; aws secretsmanager " +
                "describe-secret --secret-id <name> prints it), optionally followed by :<json-key>:<version-stage>:<version-id>",
        );
    });

    it("refuses anything but a parameter or secret ARN", () => {
        for (const value of ["prod/api-key", "arn:aws:s3:::bucket/key", "arn:aws:ssm:us-east-1:123:parameter/x"]) {
            assert.match(
                rejection(secretsOf({ API_KEY: value })),
                new RegExp(
                    `^Invalid configuration: \`fargate-service:secrets\\.API_KEY\` is "${value.replace(/[/.]/g, "\\$&")}"; ` +
                        "allowed: the full ARN of an SSM parameter \\(arn:aws:ssm:<region>:<account>:parameter/<name>\\) " +
                        "or of a Secrets Manager secret",
                ),
            );
        }
    });

    it("refuses variable names a shell cannot hold and the ones the service and ECS set", () => {
        assertRejected(
            secretsOf({ "DB-PASSWORD": parameterArn }),
            '`fargate-service:secrets` names the variable "DB-PASSWORD"; allowed: letters, digits and _, not starting with a digit',
        );
        for (const name of ["APP_PORT", "ECS_CONTAINER_METADATA_URI_V4", "aws_region"]) {
            assertRejected(
                secretsOf({ [name]: parameterArn }),
                `\`fargate-service:secrets\` names the variable ${name}; allowed: names that do not start with ` +
                    "APP_, ECS_ or AWS_ (the service's own settings and ECS's)",
            );
        }
    });

    it("requires a mapping", () => {
        assertRejected(
            { secrets: parameterArn },
            `\`fargate-service:secrets\` is "${parameterArn}"; allowed: a mapping of environment variable names to ` +
                "strings, e.g. {DB_PASSWORD: ...}",
        );
    });

    it("takes a KMS key by its ARN, not by an alias (IAM matches the key's ARN)", () => {
        const keyArn = "arn:aws:kms:us-east-1:123456789012:key/01234567-89ab-cdef-0123-456789abcdef";
        assert.equal(parse({ secretsKmsKeyArn: keyArn }).containerSecrets.kmsKeyArn, keyArn);
        assert.match(
            rejection({ secretsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:alias/service" }),
            /`fargate-service:secretsKmsKeyArn` is "arn:aws:kms:us-east-1:123456789012:alias\/service"; allowed: .* \(not an alias: IAM grants kms:Decrypt on the key's ARN\)$/,
        );
    });
});

describe("secret values the stack keeps", () => {
    const value = "s3cr3t-never-printed";

    function parseOwned(values: Record<string, string>, secretKeys: string[]): StackSettings {
        const all = { ...plainHttpStack, ...values };
        return parseSettings((key) => all[key], ciEnvironment, "fargate-service", {
            isSecret: (key) => secretKeys.includes(key),
        });
    }

    function ownedRejection(values: Record<string, string>, secretKeys: string[]): string {
        try {
            parseOwned(values, secretKeys);
        } catch (error) {
            assert.ok(error instanceof ConfigError);
            return error.message;
        }
        throw new Error("accepted");
    }

    it("keeps each value as a secret Output, sorted by name", async () => {
        const owned = parseOwned({ secretValues: JSON.stringify({ WEBHOOK_TOKEN: value, API_TOKEN: "other" }) }, [
            "secretValues",
        ]).containerSecrets.owned;
        assert.deepEqual(
            owned.map((secret) => secret.name),
            ["API_TOKEN", "WEBHOOK_TOKEN"],
        );
        assert.equal(await pulumi.isSecret(owned[1].value), true);
    });

    it("refuses them as plain text, without printing the value", () => {
        const message = ownedRejection({ secretValues: JSON.stringify({ WEBHOOK_TOKEN: value }) }, []);
        assert.equal(
            message,
            "Invalid configuration: `fargate-service:secretValues` holds plain text; allowed: values set as Pulumi " +
                "secrets, e.g. pulumi config set --secret --path 'secretValues.API_TOKEN' (a plain value would be kept in git)",
        );
    });

    it("never prints a value, even when the mapping or a name is wrong", () => {
        const notMapping = ownedRejection({ secretValues: JSON.stringify([value]) }, ["secretValues"]);
        assert.equal(
            notMapping,
            "Invalid configuration: `fargate-service:secretValues` is not a mapping of names to strings (its value is " +
                "a secret, not shown); allowed: a mapping of environment variable names to strings, e.g. {DB_PASSWORD: ...}",
        );
        const badName = ownedRejection({ secretValues: JSON.stringify({ APP_VERSION: value, EMPTY: "" }) }, [
            "secretValues",
        ]);
        assert.doesNotMatch(badName, new RegExp(value));
        assert.match(badName, /names the variable APP_VERSION; allowed: names that do not start with APP_/);
        assert.match(
            badName,
            /`fargate-service:secretValues\.EMPTY` is empty; allowed: 1 to 4096 bytes, what a Standard SSM parameter holds/,
        );
        const long = ownedRejection({ secretValues: JSON.stringify({ BIG: "x".repeat(4097) }) }, ["secretValues"]);
        assert.equal(
            long,
            "Invalid configuration: `fargate-service:secretValues.BIG` is 4097 bytes long; allowed: 1 to 4096 bytes, " +
                "what a Standard SSM parameter holds",
        );
    });

    it("takes each variable from one source", () => {
        const arn = "arn:aws:ssm:us-east-1:123456789012:parameter/prod/token";
        assert.equal(
            ownedRejection(
                { secrets: JSON.stringify({ TOKEN: arn }), secretValues: JSON.stringify({ TOKEN: value }) },
                ["secretValues"],
            ),
            "Invalid configuration: `fargate-service:secretValues.TOKEN` names TOKEN, which `secrets` sets too; " +
                "allowed: each variable from one source",
        );
    });

    it("relies on the SDK telling secret keys apart (runtime.isConfigSecret, which loadSettings reads)", () => {
        const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
        pulumi.runtime.setAllConfig({ "fargate-service:secretValues": "{}", "fargate-service:secrets": "{}" }, [
            "fargate-service:secretValues",
        ]);
        assert.equal(typeof runtime.isConfigSecret, "function");
        assert.equal(runtime.isConfigSecret?.("fargate-service:secretValues"), true);
        assert.equal(runtime.isConfigSecret?.("fargate-service:secrets"), false);
    });
});

describe("access logs and the web ACL", () => {
    it("keeps access logs by default for 90 days; a protected stack keeps them when destroyed", () => {
        assert.deepEqual(parse({}).accessLogging, { retentionDays: 90, deleteWithStack: true });
        assert.deepEqual(
            parse({ deletionProtection: "true", certificateArn: certificateInRegion("us-east-1") }).accessLogging,
            { retentionDays: 90, deleteWithStack: false },
        );
        assert.deepEqual(parse({ accessLogRetentionDays: "7" }).accessLogging?.retentionDays, 7);
        assert.equal(parse({ accessLogs: "false" }).accessLogging, undefined);
        assertRejected(
            { accessLogRetentionDays: "0" },
            '`fargate-service:accessLogRetentionDays` is "0"; allowed: an integer from 1 to 3650',
        );
    });

    it("has no web ACL unless waf is on, and rate limits within AWS WAF's bounds", () => {
        assert.equal(parse({}).webAcl, undefined);
        assert.deepEqual(parse({ waf: "true" }).webAcl, { rateLimit: 2000 });
        assert.deepEqual(parse({ waf: "true", wafRateLimit: "100" }).webAcl, { rateLimit: 100 });
        assertRejected(
            { wafRateLimit: "5" },
            '`fargate-service:wafRateLimit` is "5"; allowed: an integer from 10 to 2000000000',
        );
    });
});
