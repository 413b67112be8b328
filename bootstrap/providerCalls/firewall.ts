// The security groups: the dedicated VPC's default group (emptied), the stack's groups and their rules.
import { ec2Create, ec2TagUpdates } from "./ec2Tags";
import { type ProviderCalls, adopted, changes, created, owned, reads, shared, tags } from "./types";

const group = "ec2:security-group";
const rule = "ec2:security-group-rule";

const source = (file: string, calls: string) => `terraform-provider-aws internal/service/ec2/${file} (${calls})`;

/** A rule resource: Authorize with TagSpecifications on the group, ModifySecurityGroupRules, Revoke. */
function ruleCalls(direction: "Ingress" | "Egress"): ProviderCalls["calls"] {
    return [
        ...ec2Create(changes(`ec2:AuthorizeSecurityGroup${direction}`, "create", owned(group), created(rule)), rule),
        reads("ec2:DescribeSecurityGroupRules", "create read update"),
        changes("ec2:ModifySecurityGroupRules", "update", owned(group), owned(rule)),
        ...ec2TagUpdates(rule),
        changes(`ec2:RevokeSecurityGroup${direction}`, "delete", owned(group)),
    ];
}

export const firewallCalls: ProviderCalls[] = [
    {
        type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        source: source(
            "vpc_default_security_group.go",
            "Create: DescribeSecurityGroups to find the VPC's default group, CreateTags on it (it has no tags: " +
                "AWS created it with the VPC), RevokeSecurityGroupIngress/Egress of every rule, then " +
                "AuthorizeSecurityGroupIngress/Egress of the declared ones (none here); Read: DescribeSecurityGroups; " +
                "Delete: removes it from the state only",
        ),
        calls: [
            reads("ec2:DescribeSecurityGroups", "create read update"),
            tags("ec2:CreateTags", "create", adopted(group)),
            changes("ec2:RevokeSecurityGroupIngress", "create update", owned(group)),
            changes("ec2:RevokeSecurityGroupEgress", "create update", owned(group)),
            changes("ec2:AuthorizeSecurityGroupIngress", "update", owned(group)),
            changes("ec2:AuthorizeSecurityGroupEgress", "update", owned(group)),
            ...ec2TagUpdates(group),
        ],
    },
    {
        type: "aws:ec2/securityGroup:SecurityGroup",
        source: source(
            "vpc_security_group.go",
            "Create: CreateSecurityGroup with TagSpecifications in the VPC (the default VPC in dev: not the " +
                "stack's), DescribeSecurityGroups until it exists, RevokeSecurityGroupEgress of AWS's allow-all " +
                "egress rule; Read: DescribeSecurityGroups; Update: Authorize/Revoke of inline rules (none here); " +
                "Delete: DescribeNetworkInterfaces for lingering Lambda ENIs (none in this stack), " +
                "DeleteSecurityGroup",
        ),
        calls: [
            ...ec2Create(changes("ec2:CreateSecurityGroup", "create", created(group), shared("ec2:vpc")), group),
            reads("ec2:DescribeSecurityGroups", "create read update delete"),
            changes("ec2:RevokeSecurityGroupEgress", "create update", owned(group)),
            changes("ec2:RevokeSecurityGroupIngress", "update", owned(group)),
            changes("ec2:AuthorizeSecurityGroupIngress", "update", owned(group)),
            changes("ec2:AuthorizeSecurityGroupEgress", "update", owned(group)),
            ...ec2TagUpdates(group),
            reads("ec2:DescribeNetworkInterfaces", "delete"),
            changes("ec2:DeleteSecurityGroup", "delete", owned(group)),
        ],
    },
    {
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        source: source(
            "vpc_security_group_ingress_rule.go",
            "Create: AuthorizeSecurityGroupIngress with TagSpecifications for the rule; Read: " +
                "DescribeSecurityGroupRules; Update: ModifySecurityGroupRules; Delete: RevokeSecurityGroupIngress",
        ),
        calls: ruleCalls("Ingress"),
    },
    {
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        source: source(
            "vpc_security_group_egress_rule.go",
            "the same calls as the ingress rule (vpc_security_group_ingress_rule.go), for egress",
        ),
        calls: ruleCalls("Egress"),
    },
];
