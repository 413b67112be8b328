// The LoadBalancer component alone: one instance per case, from a baseArgs object.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LoadBalancer, LoadBalancerArgs, tlsPolicy } from "../../../infra/loadBalancer/loadBalancer";
import { promiseOf, tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const baseArgs: LoadBalancerArgs = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
    securityGroupId: "sg-0cccccccccccccccc",
    containerPort: 8080,
    healthCheckPath: "/health",
    deregistrationDelaySeconds: 30,
    deletionProtection: false,
    https: undefined,
    deploymentStrategy: "rolling",
};
const certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";

describe("LoadBalancer", () => {
    it("is an internet-facing ALB in the given subnets and group that drops invalid header fields", async () => {
        const declared = await declaredBy(new LoadBalancer("shape", baseArgs));
        const alb = declared.one(tokens.loadBalancer).inputs;
        assert.deepEqual(
            [alb.loadBalancerType, alb.internal, alb.dropInvalidHeaderFields, alb.enableDeletionProtection],
            ["application", false, true, false],
        );
        assert.deepEqual([alb.subnets, alb.securityGroups], [baseArgs.subnetIds, [baseArgs.securityGroupId]]);
    });

    it("forwards plain HTTP on 80 to the tasks when HTTPS is off, and its url says http", async () => {
        const loadBalancer = new LoadBalancer("plain", baseArgs);
        const declared = await declaredBy(loadBalancer);
        const listener = declared.one(tokens.listener).inputs;
        assert.deepEqual([listener.port, listener.protocol], [80, "HTTP"]);
        assert.deepEqual(listener.defaultActions, [
            { type: "forward", targetGroupArn: declared.one(tokens.targetGroup).outputs.arn },
        ]);
        assert.equal(await promiseOf(loadBalancer.url), `http://${declared.one(tokens.loadBalancer).outputs.dnsName}`);
    });

    it("with HTTPS, redirects 80 permanently to 443 and terminates TLS there with a TLS 1.3 policy", async () => {
        const loadBalancer = new LoadBalancer("tls", { ...baseArgs, https: { certificateArn } });
        const declared = await declaredBy(loadBalancer);
        const [http] = declared.where(tokens.listener, "port", 80);
        const [https] = declared.where(tokens.listener, "port", 443);
        assert.deepEqual(http.inputs.defaultActions, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
        assert.deepEqual(
            [https.inputs.protocol, https.inputs.certificateArn, https.inputs.sslPolicy],
            ["HTTPS", certificateArn, tlsPolicy],
        );
        assert.match(tlsPolicy, /^ELBSecurityPolicy-TLS13-/);
        assert.deepEqual(https.inputs.defaultActions, [
            { type: "forward", targetGroupArn: declared.one(tokens.targetGroup).outputs.arn },
        ]);
        assert.equal(await promiseOf(loadBalancer.url), `https://${declared.one(tokens.loadBalancer).outputs.dnsName}`);
    });

    it("targets task IPs on the container port, checks the health path every 10 s and drains for the given delay", async () => {
        const declared = await declaredBy(
            new LoadBalancer("health", {
                ...baseArgs,
                containerPort: 9000,
                healthCheckPath: "/healthz",
                deregistrationDelaySeconds: 5,
            }),
        );
        const group = declared.one(tokens.targetGroup).inputs;
        assert.deepEqual(
            [group.targetType, group.protocol, group.port, group.vpcId, group.deregistrationDelay],
            ["ip", "HTTP", 9000, baseArgs.vpcId, 5],
        );
        assert.deepEqual(group.healthCheck, {
            protocol: "HTTP",
            path: "/healthz",
            port: "traffic-port",
            matcher: "200",
            interval: 10,
            timeout: 5,
            healthyThreshold: 2,
            unhealthyThreshold: 3,
        });
    });

    it("protects itself from deletion when asked", async () => {
        const declared = await declaredBy(new LoadBalancer("protected", { ...baseArgs, deletionProtection: true }));
        assert.equal(declared.one(tokens.loadBalancer).inputs.enableDeletionProtection, true);
    });

    it("labels the request-count metric with its own and its target group's ARN suffixes", async () => {
        const loadBalancer = new LoadBalancer("metrics", baseArgs);
        const declared = await declaredBy(loadBalancer);
        assert.equal(
            await promiseOf(loadBalancer.requestCountLabel),
            `${declared.one(tokens.loadBalancer).outputs.arnSuffix}/${declared.one(tokens.targetGroup).outputs.arnSuffix}`,
        );
    });

    it("has one target group and no listener rules when deploys are rolling", async () => {
        const loadBalancer = new LoadBalancer("rolling", baseArgs);
        const declared = await declaredBy(loadBalancer);
        assert.equal(declared.all(tokens.targetGroup).length, 1);
        assert.deepEqual(declared.all(tokens.listenerRule), []);
        assert.equal(loadBalancer.blueGreen, undefined);
        assert.deepEqual(await promiseOf(loadBalancer.targetGroupArnSuffixes), [
            declared.one(tokens.targetGroup).outputs.arnSuffix,
        ]);
    });

    it("for blue/green puts the rules on the HTTPS listener when HTTPS is on, and names both groups' metrics", async () => {
        const loadBalancer = new LoadBalancer("bluegreen", {
            ...baseArgs,
            https: { certificateArn },
            deploymentStrategy: "blueGreen",
        });
        const declared = await declaredBy(loadBalancer);
        const [https] = declared.where(tokens.listener, "port", 443);
        const rules = declared.all(tokens.listenerRule);
        assert.equal(rules.length, 2);
        assert.ok(rules.every((rule) => rule.inputs.listenerArn === https.outputs.arn));
        const blueGreen = loadBalancer.blueGreen;
        assert.ok(blueGreen !== undefined);
        assert.equal(await promiseOf(blueGreen.productionListenerArn), https.outputs.arn);
        assert.equal(
            await promiseOf(blueGreen.alternateTargetGroupArn),
            declared.one(tokens.targetGroup, "bluegreen-bluegreen-tg").outputs.arn,
        );
        assert.deepEqual(
            await promiseOf(loadBalancer.targetGroupArnSuffixes),
            ["bluegreen-tg", "bluegreen-bluegreen-tg"].map(
                (name) => declared.one(tokens.targetGroup, name).outputs.arnSuffix,
            ),
        );
        assert.equal(await promiseOf(loadBalancer.arnSuffix), declared.one(tokens.loadBalancer).outputs.arnSuffix);
    });
});

describe("LoadBalancer on the stack's own domain", () => {
    const domain = { name: "app.example.com", zoneName: "example.com" };

    it("serves the certificate ACM issues for the domain, once validated, and its url names the domain", async () => {
        const loadBalancer = new LoadBalancer("domain", { ...baseArgs, https: { domain } });
        const declared = await declaredBy(loadBalancer);
        const [https] = declared.where(tokens.listener, "port", 443);
        assert.equal(https.inputs.certificateArn, declared.one(tokens.certificateValidation).outputs.certificateArn);
        assert.ok(https.dependencies.includes(declared.one(tokens.certificateValidation).urn));
        assert.equal(declared.one(tokens.certificate).inputs.domainName, "app.example.com");
        assert.equal(await promiseOf(loadBalancer.url), "https://app.example.com");
    });

    it("redirects HTTP to HTTPS and keeps the TLS 1.3 policy", async () => {
        const declared = await declaredBy(new LoadBalancer("domain-redirect", { ...baseArgs, https: { domain } }));
        const [http] = declared.where(tokens.listener, "port", 80);
        const [https] = declared.where(tokens.listener, "port", 443);
        assert.deepEqual(http.inputs.defaultActions, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
        assert.equal(https.inputs.sslPolicy, tlsPolicy);
    });

    it("writes the validation record and the alias record into the public hosted zone it looks up", async () => {
        const declared = await declaredBy(new LoadBalancer("domain-zone", { ...baseArgs, https: { domain } }));
        assert.ok(
            declared.invokes.some(
                (invoke) =>
                    invoke.token === "aws:route53/getZone:getZone" &&
                    JSON.stringify(invoke.args) === JSON.stringify({ name: "example.com", privateZone: false }),
            ),
        );
        const records = declared.all(tokens.dnsRecord);
        assert.deepEqual(records.map((record) => record.inputs.type).sort(), ["A", "CNAME"]);
        assert.equal(new Set(records.map((record) => record.inputs.zoneId)).size, 1);
        const alb = declared.one(tokens.loadBalancer).outputs;
        const alias = declared.where(tokens.dnsRecord, "type", "A")[0].inputs;
        assert.deepEqual(alias.aliases, [{ name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true }]);
    });

    it("serves a certificate the user brought for the domain instead of requesting one", async () => {
        const loadBalancer = new LoadBalancer("domain-own-cert", { ...baseArgs, https: { certificateArn, domain } });
        const declared = await declaredBy(loadBalancer);
        assert.deepEqual([declared.all(tokens.certificate), declared.all(tokens.certificateValidation)], [[], []]);
        assert.equal(declared.where(tokens.listener, "port", 443)[0].inputs.certificateArn, certificateArn);
        assert.equal(declared.where(tokens.dnsRecord, "type", "A").length, 1);
        assert.equal(await promiseOf(loadBalancer.url), "https://app.example.com");
    });

    it("without a domain, creates no certificate and no record, and reads no zone", async () => {
        const declared = await declaredBy(new LoadBalancer("no-domain", { ...baseArgs, https: { certificateArn } }));
        assert.deepEqual([declared.all(tokens.certificate), declared.all(tokens.dnsRecord)], [[], []]);
    });
});

describe("LoadBalancer records and shedding", () => {
    it("writes access logs to its own bucket, turned on only after the bucket policy lets ELB write", async () => {
        const declared = await declaredBy(
            new LoadBalancer("logged", {
                ...baseArgs,
                accessLogs: { retentionDays: 30, deleteWithStack: true, bucketPrefix: "fargate-service-dev-" },
            }),
        );
        const alb = declared.one(tokens.loadBalancer);
        assert.deepEqual(alb.inputs.accessLogs, {
            bucket: declared.one(tokens.bucket).outputs.bucket,
            prefix: "alb",
            enabled: true,
        });
        assert.ok(alb.dependencies.includes(declared.one(tokens.bucketPolicy).urn), "the ALB waits for the policy");
        assert.equal(declared.one(tokens.bucket).inputs.forceDestroy, true);
        assert.equal((declared.one(tokens.bucketLifecycle).inputs.rules as any[])[0].expiration.days, 30);
    });

    it("has no access logs and no web ACL unless asked", async () => {
        const declared = await declaredBy(new LoadBalancer("bare", baseArgs));
        assert.equal(declared.one(tokens.loadBalancer).inputs.accessLogs, undefined);
        assert.deepEqual([declared.all(tokens.bucket), declared.all(tokens.webAcl)], [[], []]);
    });

    it("puts a web ACL with the configured rate limit in front of itself when asked", async () => {
        const declared = await declaredBy(new LoadBalancer("guarded", { ...baseArgs, webAcl: { rateLimit: 300 } }));
        assert.equal(
            declared.one(tokens.webAclAssociation).inputs.resourceArn,
            declared.one(tokens.loadBalancer).outputs.arn,
        );
        assert.equal(
            (declared.one(tokens.webAcl).inputs.rules as Record<string, any>[])[0].statement.rateBasedStatement.limit,
            300,
        );
    });
});
