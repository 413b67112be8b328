// The dev stack on a domain of its own with every edge option on: HTTPS from a certificate ACM issues, the web ACL,
// and secrets from SSM Parameter Store, Secrets Manager and a Pulumi secret the stack keeps, decrypted with a
// customer managed key. Run under mocked providers from the dev stack file plus these overrides.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { secretPlaceholder } from "../../tools/mocks/mockEngine";
import {
    addCounts,
    coreResourceCounts,
    describeOutputs,
    httpsOnDomainResourceCounts,
    resourceCounts,
} from "./stackOutputs";
import { StackRun, runStack, tokens } from "./stackRun";

const parameterArn = "arn:aws:ssm:us-east-1:123456789012:parameter/dev/api-key";
const secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/01234567-89ab-cdef-0123-456789abcdef";
const secretValue = "webhook-token-that-must-never-be-recorded";

let stack: StackRun;
before(async () => {
    stack = await runStack(
        "dev",
        {
            domainName: "dev.example.com",
            hostedZoneName: "example.com",
            waf: "true",
            wafRateLimit: "500",
            secrets: JSON.stringify({ API_KEY: parameterArn, DB_PASSWORD: `${secretArn}:password::` }),
            secretsKmsKeyArn: keyArn,
        },
        { secretValues: JSON.stringify({ WEBHOOK_TOKEN: secretValue }) },
    );
});

describe("resource graph with the edge options on", () => {
    it("adds HTTPS on the domain, the web ACL with its association, the secrets' parameter and its grant; no access logs (dev)", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...addCounts(coreResourceCounts, httpsOnDomainResourceCounts),
            "fargate-service:infra:WebFirewall": 1,
            [tokens.webAcl]: 1,
            [tokens.webAclAssociation]: 1,
            "fargate-service:infra:ServiceSecrets": 1,
            [tokens.ssmParameter]: 1,
            [tokens.rolePolicy]: 2,
        });
    });
});

describe("LoadBalancer (dev on its own domain)", () => {
    it("validates the certificate for dev.example.com by DNS in example.com and serves it on 443", () => {
        const record = stack.where(tokens.dnsRecord, "type", "CNAME")[0];
        assert.equal(stack.one(tokens.certificate).inputs.domainName, "dev.example.com");
        assert.equal(
            record.inputs.name,
            (stack.one(tokens.certificate).outputs.domainValidationOptions as any[])[0].resourceRecordName,
        );
        assert.equal(
            stack.where(tokens.listener, "port", 443)[0].inputs.certificateArn,
            stack.one(tokens.certificateValidation).outputs.certificateArn,
        );
    });

    it("sheds a client above 500 requests in 5 minutes and applies AWS's common rules, on this load balancer", () => {
        const acl = stack.one(tokens.webAcl).inputs as Record<string, any>;
        assert.deepEqual(
            acl.rules.map(
                (rule: any) =>
                    rule.statement.rateBasedStatement?.limit ?? rule.statement.managedRuleGroupStatement.name,
            ),
            [500, "AWSManagedRulesCommonRuleSet"],
        );
        assert.equal(
            stack.one(tokens.webAclAssociation).inputs.resourceArn,
            stack.one(tokens.loadBalancer).outputs.arn,
        );
    });
});

describe("secrets (dev on its own domain)", () => {
    it("passes each variable to the container from its parameter or secret, and no value anywhere", () => {
        assert.deepEqual(stack.container().secrets, [
            { name: "API_KEY", valueFrom: parameterArn },
            { name: "DB_PASSWORD", valueFrom: `${secretArn}:password::` },
            { name: "WEBHOOK_TOKEN", valueFrom: stack.one(tokens.ssmParameter).outputs.arn },
        ]);
        assert.equal(stack.one(tokens.ssmParameter).inputs.value, secretPlaceholder);
        assert.doesNotMatch(JSON.stringify(stack.run.resources), new RegExp(secretValue));
        assert.doesNotMatch(JSON.stringify(stack.run.outputs), new RegExp(secretValue));
    });

    it("grants the execution role exactly the image, the logs and these secrets; the task role nothing", () => {
        const executionRoleArn = stack.one(tokens.taskDefinition).inputs.executionRoleArn;
        const role = stack.all(tokens.role).find((candidate) => candidate.outputs.arn === executionRoleArn);
        assert.ok(role);
        const statements = stack
            .where(tokens.rolePolicy, "role", role.id)
            .sort((a, b) => a.name.localeCompare(b.name))
            .flatMap((policy) => JSON.parse(String(policy.inputs.policy)).Statement as Record<string, unknown>[])
            .map((statement) => [statement.Action, statement.Resource, statement.Condition]);
        const logGroupArn = stack.one(tokens.logGroup).outputs.arn;
        assert.deepEqual(statements, [
            ["ecr:GetAuthorizationToken", "*", undefined],
            [
                ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                stack.one(tokens.repository, "registry-repo").outputs.arn,
                undefined,
            ],
            [["logs:CreateLogStream", "logs:PutLogEvents"], `${logGroupArn}:log-stream:*`, undefined],
            ["ssm:GetParameters", [parameterArn, stack.one(tokens.ssmParameter).outputs.arn], undefined],
            ["secretsmanager:GetSecretValue", [secretArn], undefined],
            [
                "kms:Decrypt",
                keyArn,
                {
                    StringEquals: {
                        "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com"],
                    },
                },
            ],
        ]);
        const taskRoleArn = stack.one(tokens.taskDefinition).inputs.taskRoleArn;
        const taskRole = stack.all(tokens.role).find((candidate) => candidate.outputs.arn === taskRoleArn);
        assert.deepEqual(stack.where(tokens.rolePolicy, "role", taskRole?.id), []);
    });
});

describeOutputs(() => stack, {
    scheme: "https",
    logGroupName: "/ecs/fargate-service/dev",
    domainName: "dev.example.com",
});
