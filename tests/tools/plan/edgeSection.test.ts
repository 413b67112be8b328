// The plan's edge section, from real runs of the command: how clients reach the service, what the load balancer
// records and sheds (and what the web ACL would cost to turn on), and which secret each variable comes from.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { runPlan, Scratch } from "./planCli";

const scratch = new Scratch();
after(() => scratch.cleanUp());

/** The section's lines from the terminal plan, without their indentation. */
function sectionOf(stdout: string): string[] {
    const section = /^Edge: HTTPS, access logs, web ACL and secrets\n([\s\S]*?)\n\n/m.exec(stdout)?.[1];
    assert.ok(section, `no edge section in:\n${stdout}`);
    return section.split("\n").map((line) => line.trim());
}

const cipherText = "v1:EncryptedWebhookTokenCipherText==";
const edgeOptions = [
    "  fargate-service:domainName: dev.example.com",
    "  fargate-service:hostedZoneName: example.com",
    "  fargate-service:accessLogs: true",
    "  fargate-service:waf: true",
    "  fargate-service:secrets:",
    '    DB_PASSWORD: "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf:password::"',
    "    API_KEY: arn:aws:ssm:us-east-1:123456789012:parameter/dev/api-key",
    "  fargate-service:secretValues:",
    "    WEBHOOK_TOKEN:",
    `      secure: ${cipherText}`,
];

let prod: string[];
let dev: string[];
let edge: { stdout: string; markdown: string };
before(() => {
    const runs = ["prod", "dev"].map((stack) => runPlan([stack]));
    for (const run of runs) {
        assert.equal(run.status, 0, run.stderr);
    }
    [prod, dev] = runs.map((run) => sectionOf(run.stdout));
    const devFile = fs.readFileSync(path.join(scratch.project("read"), "Pulumi.dev.yaml"), "utf8");
    const project = scratch.project("edge", {
        files: {
            "Pulumi.dev.yaml": `${devFile.replace(/^ {2}fargate-service:accessLogs: false\n/m, "").trimEnd()}\n${edgeOptions.join("\n")}\n`,
        },
    });
    const markdown = scratch.file("edge.md");
    const run = runPlan(["dev", "--markdown", markdown], project);
    assert.equal(run.status, 0, run.stderr);
    edge = { stdout: run.stdout, markdown: fs.readFileSync(markdown, "utf8") };
});

describe("the plan's edge section", () => {
    it("prod: HTTPS on app.example.com with a certificate ACM issues, the redirect and the alias record", () => {
        assert.deepEqual(prod.slice(0, 4), [
            "HTTPS",
            "port 443, TLS policy ELBSecurityPolicy-TLS13-1-2-Res-2021-06; certificate issued by ACM for app.example.com, validated by DNS",
            "port 80 redirects to HTTPS 443 (HTTP_301)",
            "app.example.com: A alias to web-alb",
        ]);
    });

    it("prod: access logs in a private bucket ELB alone writes to, kept 90 days and through a destroy", () => {
        assert.deepEqual(prod.slice(4, 7), [
            "Access logs",
            "to web-logs-bucket under alb/, kept 90 days, kept when the stack is destroyed",
            "written only by logdelivery.elasticloadbalancing.amazonaws.com; encryption AES256; public access blocked; " +
                "ownership BucketOwnerEnforced; TLS required",
        ]);
    });

    it("says what turning the web ACL on adds and how it bills, while it is off", () => {
        for (const section of [prod, dev]) {
            assert.ok(
                section.includes(
                    "off; `fargate-service:waf` true adds 1 web ACL with 2 rules (a per-IP rate limit and AWS's common " +
                        "rule set), billed per web ACL-month, per rule-month and per million requests inspected (docs/https.md)",
                ),
            );
        }
    });

    it("dev: plain HTTP, no access logs, no secrets", () => {
        assert.deepEqual(dev, [
            "HTTPS",
            "off: plain HTTP on port 80 only (a stack with deletion protection refuses this)",
            "Access logs",
            "off",
            "Web ACL",
            dev[5],
            "Secrets (values never shown)",
            "none: the container reads no secret",
        ]);
    });

    it("with the web ACL on, names what it guards and its rules in order", () => {
        const section = sectionOf(edge.stdout);
        const start = section.indexOf("Web ACL");
        assert.deepEqual(section.slice(start + 1, start + 4), [
            "guards web-alb with 2 rules, billed per web ACL-month, per rule-month and per million requests inspected (docs/https.md)",
            "blocks a client IP above 2000 requests in 300 s",
            "then AWS AWSManagedRulesCommonRuleSet",
        ]);
    });

    it("maps each variable to its secret, and shows no value: neither the plaintext nor the ciphertext", () => {
        const section = sectionOf(edge.stdout);
        assert.deepEqual(section.slice(section.indexOf("Secrets (values never shown)") + 1), [
            "API_KEY ← SSM parameter arn:aws:ssm:us-east-1:123456789012:parameter/dev/api-key",
            "DB_PASSWORD ← Secrets Manager arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf:password::",
            "WEBHOOK_TOKEN ← SSM SecureString /fargate-service/dev/WEBHOOK_TOKEN, owned by the stack (value [secret])",
        ]);
        for (const output of [edge.stdout, edge.markdown]) {
            assert.doesNotMatch(output, /EncryptedWebhookTokenCipherText/);
        }
        assert.match(edge.markdown, /^ {2}- WEBHOOK_TOKEN ← SSM SecureString \/fargate-service\/dev\/WEBHOOK_TOKEN/m);
    });
});
