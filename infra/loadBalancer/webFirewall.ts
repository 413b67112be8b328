// AWS WAF in front of the load balancer: AWS's managed common rule set against the usual exploits, and a per-IP rate
// limit that sheds a single client's flood before it reaches the tasks.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface WebFirewallArgs {
    loadBalancerArn: pulumi.Input<string>;
    /** Requests one client IP may send in 5 minutes; the rest are blocked until its rate drops. */
    rateLimit: pulumi.Input<number>;
}

/** The AWS managed rule group (no subscription fee) for the OWASP-style exploits most applications face. */
export const commonRuleSet = { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } as const;

/** What the web ACL is billed for besides requests: itself and each of its rules (a rule group counts as one). */
export const webAclRuleCount = 2;

/** Metrics and sampled requests in CloudWatch for the ACL and each rule, so a block can be traced to its rule. */
function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

export class WebFirewall extends pulumi.ComponentResource {
    public readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: WebFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-service:infra:WebFirewall", name, {}, opts);

        // Allows what no rule blocks. The rate limit runs first, so a flood is shed before the costlier inspection.
        const webAcl = new aws.wafv2.WebAcl(
            `${name}-acl`,
            {
                scope: "REGIONAL",
                description: "Load balancer: AWS managed common rules and a per-IP rate limit",
                defaultAction: { allow: {} },
                rules: [
                    {
                        name: "rate-limit-per-ip",
                        priority: 0,
                        action: { block: {} },
                        statement: {
                            rateBasedStatement: {
                                limit: args.rateLimit,
                                aggregateKeyType: "IP",
                                evaluationWindowSec: 300,
                            },
                        },
                        visibilityConfig: visibility(`${name}-rate-limit`),
                    },
                    {
                        name: commonRuleSet.name,
                        priority: 1,
                        // The group's own actions apply (none overridden to count).
                        overrideAction: { none: {} },
                        statement: { managedRuleGroupStatement: commonRuleSet },
                        visibilityConfig: visibility(`${name}-common-rules`),
                    },
                ],
                visibilityConfig: visibility(`${name}-acl`),
            },
            { parent: this },
        );
        // Puts the web ACL in front of the load balancer's listeners.
        new aws.wafv2.WebAclAssociation(
            `${name}-association`,
            { resourceArn: args.loadBalancerArn, webAclArn: webAcl.arn },
            { parent: this },
        );

        this.webAclArn = webAcl.arn;
        this.registerOutputs({ webAclArn: this.webAclArn });
    }
}
