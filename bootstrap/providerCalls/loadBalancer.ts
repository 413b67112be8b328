// The Application Load Balancer, its target group, listeners and (for blue/green) listener rules.
import { type ProviderCalls, changes, created, owned, reads, requiring, shared, tags, withTags } from "./types";

const loadBalancer = "elasticloadbalancing:loadbalancer/app/";
const targetGroup = "elasticloadbalancing:targetgroup";
const listener = "elasticloadbalancing:listener/app";
const listenerRule = "elasticloadbalancing:listener-rule/app";

/** ELB tags on create only with elasticloadbalancing:AddTags (ELB User Guide, "Tag on create"); the
 * elasticloadbalancing:CreateAction key names the creating call. */
const tagOnCreate = (ref: string, createAction: string) =>
    requiring(tags("elasticloadbalancing:AddTags", "create", created(ref)), {
        "elasticloadbalancing:CreateAction": createAction,
    });

/** terraform-provider-aws tags every ELB resource through @Tags(identifierAttribute="id") and
 * internal/service/elbv2/tags_gen.go: DescribeTags after create, read and update; AddTags/RemoveTags on change. */
const tagging = (ref: string) => [
    reads("elasticloadbalancing:DescribeTags", "create read update"),
    tags("elasticloadbalancing:AddTags", "update", owned(ref)),
    tags("elasticloadbalancing:RemoveTags", "update", owned(ref)),
];

export const loadBalancerCalls: ProviderCalls[] = [
    {
        type: "aws:lb/loadBalancer:LoadBalancer",
        source:
            "terraform-provider-aws internal/service/elbv2/load_balancer.go (Create: CreateLoadBalancer with tags, " +
            "DescribeLoadBalancers until active, ModifyLoadBalancerAttributes; Read: DescribeLoadBalancers, " +
            "DescribeLoadBalancerAttributes, DescribeCapacityReservation (AccessDenied tolerated); Update: " +
            "ModifyLoadBalancerAttributes, SetSecurityGroups, SetSubnets, SetIpAddressType; Delete: " +
            "DeleteLoadBalancer, then waitForALBNetworkInterfacesToDetach: ec2:DescribeNetworkInterfaces). The " +
            "first load balancer of an account creates ELB's service-linked role",
        calls: [
            withTags(changes("elasticloadbalancing:CreateLoadBalancer", "create", created(loadBalancer))),
            tagOnCreate(loadBalancer, "CreateLoadBalancer"),
            requiring(changes("iam:CreateServiceLinkedRole", "create", shared("iam:role/aws-service-role")), {
                "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com",
            }),
            reads("elasticloadbalancing:DescribeLoadBalancers", "create read update delete"),
            reads("elasticloadbalancing:DescribeLoadBalancerAttributes", "create read update"),
            reads("elasticloadbalancing:DescribeCapacityReservation", "create read update"),
            changes("elasticloadbalancing:ModifyLoadBalancerAttributes", "create update", owned(loadBalancer)),
            changes("elasticloadbalancing:SetSecurityGroups", "update", owned(loadBalancer)),
            changes("elasticloadbalancing:SetSubnets", "update", owned(loadBalancer)),
            changes("elasticloadbalancing:SetIpAddressType", "update", owned(loadBalancer)),
            ...tagging(loadBalancer),
            changes("elasticloadbalancing:DeleteLoadBalancer", "delete", owned(loadBalancer)),
            reads("ec2:DescribeNetworkInterfaces", "delete"),
        ],
    },
    {
        type: "aws:lb/targetGroup:TargetGroup",
        source:
            "terraform-provider-aws internal/service/elbv2/target_group.go (Create: CreateTargetGroup with tags, " +
            "ModifyTargetGroupAttributes; Read: DescribeTargetGroups, DescribeTargetGroupAttributes; Update: " +
            "ModifyTargetGroup (health check), ModifyTargetGroupAttributes; Delete: DeleteTargetGroup)",
        calls: [
            withTags(changes("elasticloadbalancing:CreateTargetGroup", "create", created(targetGroup))),
            tagOnCreate(targetGroup, "CreateTargetGroup"),
            reads("elasticloadbalancing:DescribeTargetGroups", "create read update delete"),
            reads("elasticloadbalancing:DescribeTargetGroupAttributes", "create read update"),
            changes("elasticloadbalancing:ModifyTargetGroupAttributes", "create update", owned(targetGroup)),
            changes("elasticloadbalancing:ModifyTargetGroup", "update", owned(targetGroup)),
            ...tagging(targetGroup),
            changes("elasticloadbalancing:DeleteTargetGroup", "delete", owned(targetGroup)),
        ],
    },
    {
        type: "aws:lb/listener:Listener",
        source:
            "terraform-provider-aws internal/service/elbv2/listener.go (Create: CreateListener with tags on the " +
            "load balancer, DescribeListeners until it exists; Read: DescribeListeners, DescribeListenerAttributes; " +
            "Update: ModifyListener, ModifyListenerAttributes; Delete: DeleteListener)",
        calls: [
            withTags(changes("elasticloadbalancing:CreateListener", "create", owned(loadBalancer))),
            tagOnCreate(listener, "CreateListener"),
            reads("elasticloadbalancing:DescribeListeners", "create read update"),
            reads("elasticloadbalancing:DescribeListenerAttributes", "create read update"),
            changes("elasticloadbalancing:ModifyListener", "update", owned(listener)),
            changes("elasticloadbalancing:ModifyListenerAttributes", "create update", owned(listener)),
            ...tagging(listener),
            changes("elasticloadbalancing:DeleteListener", "delete", owned(listener)),
        ],
    },
    {
        type: "aws:lb/listenerRule:ListenerRule",
        source:
            "terraform-provider-aws internal/service/elbv2/listener_rule.go (Create: CreateRule with tags on the " +
            "listener; Read: DescribeRules; Update: SetRulePriorities, ModifyRule; Delete: DeleteRule)",
        calls: [
            withTags(changes("elasticloadbalancing:CreateRule", "create", owned(listener))),
            tagOnCreate(listenerRule, "CreateRule"),
            reads("elasticloadbalancing:DescribeRules", "create read update"),
            changes("elasticloadbalancing:ModifyRule", "update", owned(listenerRule)),
            changes("elasticloadbalancing:SetRulePriorities", "update", owned(listenerRule)),
            ...tagging(listenerRule),
            changes("elasticloadbalancing:DeleteRule", "delete", owned(listenerRule)),
        ],
    },
];
