// The WebFirewall component alone: a regional web ACL with AWS's common rules and a per-IP rate limit.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commonRuleSet, WebFirewall, WebFirewallArgs, webAclRuleCount } from "../../../infra/loadBalancer/webFirewall";
import { tokens } from "../stackRun";
import { declaredBy } from "./unitEngine";

const baseArgs: WebFirewallArgs = {
    loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web-alb/0123456789abcdef",
    rateLimit: 2000,
};

describe("WebFirewall", () => {
    it("is a regional web ACL that allows what no rule blocks", async () => {
        const declared = await declaredBy(new WebFirewall("acl", baseArgs));
        const acl = declared.one(tokens.webAcl).inputs as Record<string, any>;
        assert.deepEqual([acl.scope, acl.defaultAction], ["REGIONAL", { allow: {} }]);
        assert.equal(acl.rules.length, webAclRuleCount);
    });

    it("blocks a client IP above the rate limit first, then applies AWS's common rule set as it stands", async () => {
        const declared = await declaredBy(new WebFirewall("rules", { ...baseArgs, rateLimit: 500 }));
        const rules = declared.one(tokens.webAcl).inputs.rules as Record<string, any>[];
        assert.deepEqual(
            rules.map((rule) => [rule.priority, rule.name, rule.action, rule.overrideAction]),
            [
                [0, "rate-limit-per-ip", { block: {} }, undefined],
                [1, "AWSManagedRulesCommonRuleSet", undefined, { none: {} }],
            ],
        );
        assert.deepEqual(rules[0].statement, {
            rateBasedStatement: { limit: 500, aggregateKeyType: "IP", evaluationWindowSec: 300 },
        });
        assert.deepEqual(rules[1].statement, { managedRuleGroupStatement: commonRuleSet });
        assert.deepEqual(commonRuleSet, { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" });
    });

    it("records metrics and sampled requests for the ACL and each rule", async () => {
        const declared = await declaredBy(new WebFirewall("metrics", baseArgs));
        const acl = declared.one(tokens.webAcl).inputs as Record<string, any>;
        for (const visibility of [acl.visibilityConfig, ...acl.rules.map((rule: any) => rule.visibilityConfig)]) {
            assert.equal(visibility.cloudwatchMetricsEnabled, true);
            assert.equal(visibility.sampledRequestsEnabled, true);
        }
    });

    it("puts the web ACL in front of the given load balancer", async () => {
        const declared = await declaredBy(new WebFirewall("association", baseArgs));
        assert.deepEqual(declared.one(tokens.webAclAssociation).inputs, {
            resourceArn: baseArgs.loadBalancerArn,
            webAclArn: declared.one(tokens.webAcl).outputs.arn,
        });
    });
});
