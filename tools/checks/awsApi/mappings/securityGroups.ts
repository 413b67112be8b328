// Security groups and their rules: ec2 (2016-11-15).
import { resourceTypes as t } from "../../../resourceTypes";
import { ApiMapping, MemberTarget, tagList, tagSpecifications } from "../apiMapping";

const source = "hashicorp/terraform-provider-aws internal/service/ec2/";

/** One rule of aws.vpc.SecurityGroupIngressRule/EgressRule as the API's one IpPermission (expandIPPermission). */
function ruleMappings(operation: string) {
    const permission = (member: string) => ({ operation, member: `IpPermissions[].${member}` });
    return {
        securityGroupId: { operation, member: "GroupId" },
        ipProtocol: permission("IpProtocol"),
        fromPort: permission("FromPort"),
        toPort: permission("ToPort"),
        cidrIpv4: permission("IpRanges[].CidrIp"),
        cidrIpv6: permission("Ipv6Ranges[].CidrIpv6"),
        referencedSecurityGroupId: permission("UserIdGroupPairs[].GroupId"),
        prefixListId: permission("PrefixListIds[].PrefixListId"),
        description: permission("IpRanges[].Description"),
        tags: { operation, member: "TagSpecifications", toApi: tagSpecifications("security-group-rule") },
    };
}

/** The inline ingress/egress blocks of aws.ec2.SecurityGroup and DefaultSecurityGroup (expandIPPerms). */
function inlineRules(operation: string): MemberTarget {
    return {
        operation,
        member: "IpPermissions",
        toApi: (value) =>
            (value as Record<string, unknown>[]).map((rule) => ({
                IpProtocol: rule.protocol,
                FromPort: rule.fromPort,
                ToPort: rule.toPort,
                IpRanges: ((rule.cidrBlocks as string[] | undefined) ?? []).map((CidrIp) => ({
                    CidrIp,
                    Description: rule.description,
                })),
                Ipv6Ranges: ((rule.ipv6CidrBlocks as string[] | undefined) ?? []).map((CidrIpv6) => ({ CidrIpv6 })),
                UserIdGroupPairs: ((rule.securityGroups as string[] | undefined) ?? []).map((GroupId) => ({ GroupId })),
            })),
    };
}

export const securityGroupMappings: Readonly<Record<string, ApiMapping>> = {
    [t.defaultSecurityGroup]: {
        service: "ec2",
        source: `${source}vpc_default_security_group.go: the provider revokes every rule, then authorizes the declared ones`,
        inputs: {
            vpcId: { notSent: "selects the VPC's default group (DescribeSecurityGroups filter)" },
            ingress: inlineRules("AuthorizeSecurityGroupIngress"),
            egress: inlineRules("AuthorizeSecurityGroupEgress"),
            tags: { operation: "CreateTags", member: "Tags", toApi: tagList },
        },
    },
    [t.securityGroup]: {
        service: "ec2",
        source: `${source}vpc_security_group.go: resourceSecurityGroupCreate (CreateSecurityGroup), updateSecurityGroupRules`,
        autoNamed: "name",
        inputs: {
            name: { operation: "CreateSecurityGroup", member: "GroupName" },
            description: { operation: "CreateSecurityGroup", member: "Description" },
            vpcId: { operation: "CreateSecurityGroup", member: "VpcId" },
            ingress: inlineRules("AuthorizeSecurityGroupIngress"),
            egress: inlineRules("AuthorizeSecurityGroupEgress"),
            revokeRulesOnDelete: { notSent: "makes the provider revoke the rules before DeleteSecurityGroup" },
            tags: {
                operation: "CreateSecurityGroup",
                member: "TagSpecifications",
                toApi: tagSpecifications("security-group"),
            },
        },
    },
    [t.ingressRule]: {
        service: "ec2",
        source: `${source}vpc_security_group_ingress_rule.go: create (AuthorizeSecurityGroupIngress), expandIPPermission`,
        inputs: ruleMappings("AuthorizeSecurityGroupIngress"),
    },
    [t.egressRule]: {
        service: "ec2",
        source: `${source}vpc_security_group_egress_rule.go: create (AuthorizeSecurityGroupEgress), expandIPPermission`,
        inputs: ruleMappings("AuthorizeSecurityGroupEgress"),
    },
};
