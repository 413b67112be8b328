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
import { loadStackConfig } from "../../tools/mocks/stackConfig";
import { projectRoot, testImageTag } from "./stackRun";

const ciEnvironment = { GITHUB_SHA: testImageTag };

function parse(values: Record<string, string>, env: Record<string, string> = ciEnvironment): StackSettings {
    return parseSettings((key) => values[key], env, "fargate-service");
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

    it("unset keys take the defaults", () => {
        assert.deepEqual(parse({}), {
            ...configDefaults,
            imageTag: testImageTag,
            platform: { docker: "linux/amd64", ecsCpuArchitecture: "X86_64" },
            https: undefined,
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
        assert.equal(parse({ certificateArn: "" }).https, undefined);
        assert.equal(parse({}).https, undefined);
    });
});
